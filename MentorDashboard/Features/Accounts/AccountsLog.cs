namespace MentorDashboard.Features.Accounts;

/// <summary>Sign-in events. No e-mail address or name is logged: they are personal data.</summary>
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "A person signed in")]
    public static partial void SignedIn(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "A sign-in attempt failed")]
    public static partial void SignInFailed(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "An account was locked out after failed sign-ins")]
    public static partial void LockedOut(ILogger logger);
}
