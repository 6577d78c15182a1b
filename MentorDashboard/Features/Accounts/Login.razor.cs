using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Renders statically (not over the circuit) because signing in sets a cookie on the HTTP response.
/// </summary>
public sealed partial class Login
{
    private string? _error;
    private bool _offerConfirmation;

    [Inject]
    private SignInManager<Person> SignInManager { get; set; } = null!;

    [Inject]
    private AuditLog Audit { get; set; } = null!;

    [Inject]
    private IWebHostEnvironment Environment { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ILogger<Login> Logger { get; set; } = null!;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new();

    private async Task SignInAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            _error = L["Enter your e-mail and your password."];
            return;
        }

        var person = await SignInManager.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (person is { IsDemo: true } && !Environment.IsDevelopment())
        {
            _error = L["Demo accounts can only sign in while the app runs in the Development environment."];
            return;
        }

        if (person is null)
        {
            // Hash anyway, so that the answer for an unknown e-mail takes as long as for a known one and does not
            // tell which addresses have an account.
            SignInManager.UserManager.PasswordHasher.HashPassword(new Person { DisplayName = "" }, Input.Password);
        }

        var result = person is null
            ? SignInResult.Failed
            : await SignInManager.PasswordSignInAsync(
                person, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsNotAllowed)
        {
            result = await ExplainNotAllowedAsync(person!);
        }

        // The page is sent back on a failed attempt; it must not carry the password with it.
        Input.Password = "";
        if (result.IsLockedOut)
        {
            AccountsLog.LockedOut(Logger);
            await Audit.WriteAsync(AuditKind.LockedOut, person?.Id);
            _error = L["Too many failed attempts. Try again in 15 minutes."];
            return;
        }

        if (result.RequiresTwoFactor)
        {
            var secondStep = $"{AccountsExtensions.TwoFactorPath}?returnUrl={Uri.EscapeDataString(SafeReturnUrl())}";
            Navigation.NavigateTo(secondStep, forceLoad: true);
            return;
        }

        if (!result.Succeeded)
        {
            AccountsLog.SignInFailed(Logger);
            await Audit.WriteAsync(AuditKind.SignInFailed, person?.Id);
            _error ??= L["That e-mail and password do not match an account."];
            return;
        }

        AccountsLog.SignedIn(Logger);
        await Audit.WriteAsync(AuditKind.SignedIn, person!.Id);
        Navigation.NavigateTo(SafeReturnUrl(), forceLoad: true);
    }

    /// <summary>
    /// Identity refuses a disabled or unconfirmed account before it looks at the password. Only someone who knows
    /// the password learns why; anyone else gets the usual answer, and the attempt counts towards the lockout.
    /// </summary>
    private async Task<SignInResult> ExplainNotAllowedAsync(Person person)
    {
        var users = SignInManager.UserManager;
        if (!await users.CheckPasswordAsync(person, Input.Password))
        {
            await users.AccessFailedAsync(person);
            return await users.IsLockedOutAsync(person) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        AccountsLog.SignInNotAllowed(Logger);
        if (person.DisabledAtUtc is not null)
        {
            _error = L["This account has been disabled. Ask your coordinator if you think that is a mistake."];
        }
        else
        {
            _error = L["Confirm your e-mail address first: open the link in the e-mail we sent you."];
            _offerConfirmation = true;
        }

        return SignInResult.NotAllowed;
    }

    private string SafeReturnUrl() => ReturnUrls.IsSafe(ReturnUrl) ? ReturnUrl! : "/";

    private sealed class LoginInput
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }
}
