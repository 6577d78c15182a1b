using System.Globalization;
using System.Text;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Turns two-factor sign-in (a TOTP authenticator app) on and off. It renders statically: each change renews the
/// person's security stamp, and only an HTTP response can give the browser a cookie with the new one; over a
/// circuit the session would end at the next revalidation.
/// </summary>
public sealed partial class AccountSecurity
{
    private const string Issuer = "MentorDashboard";

    private Person _person = null!;
    private bool _isEnabled;
    private bool _isAdmin;
    private string _groupedKey = "";
    private string _setupUri = "";
    private IReadOnlyList<string>? _recoveryCodes;
    private string? _error;
    private string? _notice;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private SignInManager<Person> SignInManager { get; set; } = null!;

    [Inject]
    private AuditLog Audit { get; set; } = null!;

    [Inject]
    private IUserStore<Person> Store { get; set; } = null!;

    [Inject]
    private ILogger<AccountSecurity> Logger { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "enable-two-factor")]
    private CodeInput EnableInput { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "disable-two-factor")]
    private CodeInput DisableInput { get; set; } = default!;

    private UserManager<Person> Users => SignInManager.UserManager;

    private string RecoveryCodesAdvice => L["Write these recovery codes down or print them, and keep them safe. "
        + "Each one signs you in once without your phone. They are shown only now."];

    protected override async Task OnInitializedAsync()
    {
        EnableInput ??= new();
        DisableInput ??= new();
        var user = (await AuthenticationState).User;
        _person = await Users.GetUserAsync(user)
            ?? throw new InvalidOperationException("A signed-in person has no account.");
        _isAdmin = _person.AdminOfNetworkId is not null;
        await ShowStateAsync();
    }

    private async Task EnableAsync()
    {
        if (_isEnabled)
        {
            return;
        }

        var code = WithoutSpaces(EnableInput.Code);
        EnableInput.Code = "";
        if (!await Users.VerifyTwoFactorTokenAsync(_person, TokenOptions.DefaultAuthenticatorProvider, code))
        {
            _error = AccountMessages.WrongCode(L);
            return;
        }

        await Users.SetTwoFactorEnabledAsync(_person, true);
        _recoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(_person, 10) ?? []];
        await ChangedAsync("on");
        _notice = L["Two-factor sign-in is on."];
    }

    private async Task DisableAsync()
    {
        if (!_isEnabled)
        {
            return;
        }

        var code = WithoutSpaces(DisableInput.Code);
        DisableInput.Code = "";
        var valid = AccountMessages.IsAuthenticatorCode(code)
            ? await Users.VerifyTwoFactorTokenAsync(_person, TokenOptions.DefaultAuthenticatorProvider, code)
            : (await Users.RedeemTwoFactorRecoveryCodeAsync(_person, code)).Succeeded;
        if (!valid)
        {
            _error = AccountMessages.WrongCode(L);
            return;
        }

        await Users.SetTwoFactorEnabledAsync(_person, false);
        // A new key, so that the app on a lost phone no longer matches when the person turns it on again.
        await Users.ResetAuthenticatorKeyAsync(_person);
        await ChangedAsync("off");
        _notice = L["Two-factor sign-in is off."];
    }

    /// <summary>Records the change and renews the cookie, whose security stamp the change has made stale.</summary>
    private async Task ChangedAsync(string state)
    {
        await SignInManager.RefreshSignInAsync(_person);
        AccountsLog.TwoFactorChanged(Logger, state);
        await Audit.WriteAsync(AuditKind.TwoFactorChanged, _person.Id, subjectId: _person.Id, detail: state);
        await ShowStateAsync();
    }

    private async Task ShowStateAsync()
    {
        _isEnabled = await Users.GetTwoFactorEnabledAsync(_person);
        if (_isEnabled)
        {
            return;
        }

        var key = await Users.GetAuthenticatorKeyAsync(_person);
        if (string.IsNullOrEmpty(key))
        {
            // A first key replaces nothing, so it is stored without UserManager.ResetAuthenticatorKeyAsync, which
            // also renews the security stamp: merely opening this page (a link from anywhere) would otherwise end
            // the person's other sessions.
            key = Users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<Person>)Store).SetAuthenticatorKeyAsync(_person, key, default);
            await Users.UpdateAsync(_person);
        }

        _groupedKey = Grouped(key);
        var label = Uri.EscapeDataString($"{Issuer}:{_person.Email}");
        _setupUri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
    }

    /// <summary>The key in groups of four, lower-case, as authenticator apps show and accept it.</summary>
    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }

    private static string WithoutSpaces(string code) =>
        code.Replace(" ", "", StringComparison.Ordinal).Trim();

    private sealed class CodeInput
    {
        public string Code { get; set; } = "";
    }
}
