using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.People;

/// <summary>How invitations work, bound to the <c>Invitations</c> section.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How many days an invitation's link works; resending starts the days again.</summary>
    public int ValidDays { get; set; } = 14;
}

internal sealed class InvitationOptionsValidator : IValidateOptions<InvitationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvitationOptions options) =>
        options.ValidDays is < 1 or > 90
            ? ValidateOptionsResult.Fail(
                $"{InvitationOptions.Section}:ValidDays must be between 1 and 90 days: a link in an old e-mail "
                + "should not let anyone in.")
            : ValidateOptionsResult.Success;
}
