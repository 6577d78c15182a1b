using MentorDashboard.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// The form behind "forgot your password" and "send the confirmation again". It answers the same whether or not
/// an account uses the address, so nobody can test which addresses are registered.
/// </summary>
public sealed partial class AccountEmailRequest
{
    private string? _error;
    private string? _notice;

    /// <summary>Which link the e-mail carries.</summary>
    [Parameter, EditorRequired]
    public AccountEmailKind Kind { get; set; }

    [Inject]
    private UserManager<Person> Users { get; set; } = null!;

    [Inject]
    private AccountEmails Emails { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "account-email-request")]
    private EmailInput Input { get; set; } = default!;

    private bool IsReset => Kind == AccountEmailKind.ResetPassword;

    private string Title => IsReset ? L["Forgot your password?"] : L["Confirm your e-mail address"];

    private string Intro => IsReset
        ? L["Enter the e-mail address you sign in with. We will send it a link to choose a new password."]
        : L["Enter the e-mail address you signed up with. We will send it a new confirmation link."];

    protected override void OnInitialized()
    {
        Input ??= new();
        if (!Emails.IsEnabled)
        {
            _error = L["This server sends no e-mail, so it cannot send you a link. Ask your coordinator for help."];
        }
    }

    private async Task SendAsync()
    {
        if (!Emails.IsEnabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            _error = L["Enter your e-mail address."];
            return;
        }

        var person = await Users.FindByEmailAsync(Input.Email.Trim());
        if (person is { DisabledAtUtc: null })
        {
            if (IsReset)
            {
                var token = await Users.GeneratePasswordResetTokenAsync(person);
                Emails.Send(Kind, person, token, Navigation.BaseUri);
            }
            else if (!person.EmailConfirmed)
            {
                var token = await Users.GenerateEmailConfirmationTokenAsync(person);
                Emails.Send(Kind, person, token, Navigation.BaseUri);
            }
        }

        _notice = IsReset
            ? L["If an account uses this address, we have sent it a link to choose a new password. "
                + "It can take a few minutes; check your spam folder too."]
            : L["If an account with this address waits for confirmation, we have sent it a new link. "
                + "It can take a few minutes; check your spam folder too."];
    }

    private sealed class EmailInput
    {
        public string Email { get; set; } = "";
    }
}
