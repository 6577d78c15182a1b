using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MentorDashboard.Features.Accounts;

/// <summary>Identity's messages that people see on our pages, through the app's localizer.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), localizer["The password must have at least {0} characters.", length]);

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), localizer["The password must contain a digit (0-9)."]);

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), localizer["The password must contain a lower-case letter."]);

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), localizer["The password must contain an upper-case letter."]);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric),
            localizer["The password must contain a symbol such as - ! or #."]);

    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), localizer["This link is no longer valid. Ask for a new one."]);

    private static IdentityError Error(string code, string description) =>
        new() { Code = code, Description = description };
}
