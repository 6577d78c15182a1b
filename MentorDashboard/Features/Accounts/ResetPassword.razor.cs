using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Where the link in the reset e-mail leads. The new password goes through every password rule; saving it changes
/// the person's security stamp, which ends their other sessions and makes the link useless a second time.
/// </summary>
public sealed partial class ResetPassword
{
    private string? _error;
    private string? _notice;

    [Inject]
    private UserManager<Person> Users { get; set; } = null!;

    [Inject]
    private AuditLog Audit { get; set; } = null!;

    [Inject]
    private ILogger<ResetPassword> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "id")]
    private string? PersonId { get; set; }

    [SupplyParameterFromQuery]
    private string? Token { get; set; }

    [SupplyParameterFromForm]
    private PasswordInput Input { get; set; } = default!;

    private bool LinkIsComplete => !string.IsNullOrEmpty(PersonId) && !string.IsNullOrEmpty(Token);

    private string PasswordRules => L["At least 8 characters with upper- and lower-case letters, a digit and a "
        + "symbol; not a common password and not your name."];

    protected override void OnInitialized()
    {
        Input ??= new();
        if (!LinkIsComplete)
        {
            _error = L["This link is incomplete. Open it again from the e-mail, or ask for a new one."];
        }
    }

    private async Task ResetAsync()
    {
        var (password, confirmation) = (Input.Password, Input.Confirmation);
        Input.Password = Input.Confirmation = "";
        if (password != confirmation)
        {
            _error = L["The two passwords are not the same."];
            return;
        }

        var person = await Users.FindByIdAsync(PersonId!);
        if (person is null)
        {
            _error = L["This link is no longer valid. Ask for a new one."];
            return;
        }

        var result = await Users.ResetPasswordAsync(person, Token!, password);
        if (!result.Succeeded)
        {
            _error = string.Join(" ", result.Errors.Select(e => e.Description));
            return;
        }

        if (!person.EmailConfirmed)
        {
            // The link reached the person's mailbox, which is what a confirmation proves.
            person.EmailConfirmed = true;
            await Users.UpdateAsync(person);
        }

        AccountsLog.PasswordReset(Logger);
        await Audit.WriteAsync(AuditKind.PasswordReset, person.Id, subjectId: person.Id);
        _notice = L["Your new password is saved. Any other session of yours has ended."];
    }

    private sealed class PasswordInput
    {
        public string Password { get; set; } = "";

        public string Confirmation { get; set; } = "";
    }
}
