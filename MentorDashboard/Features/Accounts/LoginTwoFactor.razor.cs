using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// The second step of signing in, after the password: a code from the person's authenticator app or one of their
/// recovery codes. Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
public sealed partial class LoginTwoFactor
{
    private Person? _person;
    private string? _error;

    [Inject]
    private SignInManager<Person> SignInManager { get; set; } = null!;

    [Inject]
    private AuditLog Audit { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ILogger<LoginTwoFactor> Logger { get; set; } = null!;

    [SupplyParameterFromForm]
    private CodeInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        _person = await SignInManager.GetTwoFactorAuthenticationUserAsync();
        if (_person is null)
        {
            _error = L["Your sign-in took too long or has already ended. Sign in again."];
        }
    }

    private async Task VerifyAsync()
    {
        if (_person is null)
        {
            return;
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var isAuthenticatorCode = AccountMessages.IsAuthenticatorCode(code);
        var result = isAuthenticatorCode
            ? await SignInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await SignInManager.TwoFactorRecoveryCodeSignInAsync(code);
        Input.Code = "";
        if (result.IsLockedOut)
        {
            AccountsLog.LockedOut(Logger);
            await Audit.WriteAsync(AuditKind.LockedOut, _person.Id);
            _error = L["Too many failed attempts. Try again in 15 minutes."];
            return;
        }

        if (!result.Succeeded)
        {
            AccountsLog.SignInFailed(Logger);
            await Audit.WriteAsync(AuditKind.SignInFailed, _person.Id, detail: "TwoFactor");
            _error = AccountMessages.WrongCode(L);
            return;
        }

        if (!isAuthenticatorCode)
        {
            AccountsLog.RecoveryCodeUsed(Logger);
        }

        AccountsLog.SignedIn(Logger);
        await Audit.WriteAsync(
            AuditKind.SignedIn, _person.Id, detail: isAuthenticatorCode ? "TwoFactor" : "RecoveryCode");
        Navigation.NavigateTo(ReturnUrls.IsSafe(ReturnUrl) ? ReturnUrl! : "/", forceLoad: true);
    }

    private sealed class CodeInput
    {
        public string Code { get; set; } = "";
    }
}
