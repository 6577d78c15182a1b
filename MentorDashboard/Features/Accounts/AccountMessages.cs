using Microsoft.Extensions.Localization;

namespace MentorDashboard.Features.Accounts;

/// <summary>Messages more than one sign-in page shows, so that they read the same everywhere.</summary>
internal static class AccountMessages
{
    public static string WrongCode(IStringLocalizer<SharedResource> l) =>
        l["That code is not right. Codes change every 30 seconds: check that your phone's clock is right."];

    /// <summary>A six-digit code from an authenticator app, as opposed to a recovery code.</summary>
    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);
}
