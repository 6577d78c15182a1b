using MentorDashboard.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Renders statically (not over the circuit) because signing in sets a cookie on the HTTP response.
/// </summary>
public sealed partial class Login
{
    private string? _error;

    [Inject]
    private SignInManager<Person> SignInManager { get; set; } = null!;

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

        // The page is sent back on a failed attempt; it must not carry the password with it.
        Input.Password = "";
        if (result.IsLockedOut)
        {
            AccountsLog.LockedOut(Logger);
            _error = L["Too many failed attempts. Try again in 15 minutes."];
            return;
        }

        if (!result.Succeeded)
        {
            AccountsLog.SignInFailed(Logger);
            _error = L["That e-mail and password do not match an account."];
            return;
        }

        AccountsLog.SignedIn(Logger);
        Navigation.NavigateTo(SafeReturnUrl(), forceLoad: true);
    }

    private string SafeReturnUrl() => ReturnUrls.IsSafe(ReturnUrl) ? ReturnUrl! : "/";

    private sealed class LoginInput
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }
}
