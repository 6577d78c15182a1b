namespace MentorDashboard.Features.Accounts;

/// <summary>Sign-in events. No e-mail address, name or token is logged: they are personal data or secrets.</summary>
internal static partial class AccountsLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "A person signed in")]
    public static partial void SignedIn(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "A sign-in attempt failed")]
    public static partial void SignInFailed(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "An account was locked out after failed sign-ins")]
    public static partial void LockedOut(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "A person signed out")]
    public static partial void SignedOut(ILogger logger);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information,
        Message = "A sign-in was refused: the account is disabled or its e-mail address is not confirmed")]
    public static partial void SignInNotAllowed(ILogger logger);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "A session ended at its absolute lifetime")]
    public static partial void SessionExpired(ILogger logger);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information,
        Message = "An account e-mail of kind {Kind} was queued")]
    public static partial void AccountEmailQueued(ILogger logger, AccountEmailKind kind);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning,
        Message = "An account e-mail was not sent: {Reason}")]
    public static partial void AccountEmailNotSent(ILogger logger, string reason);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning,
        Message = "Sending an account e-mail failed ({ErrorType}); the person can ask for it again")]
    public static partial void AccountEmailFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "An e-mail address was confirmed")]
    public static partial void EmailConfirmed(ILogger logger);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "A password was reset")]
    public static partial void PasswordReset(ILogger logger);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information,
        Message = "Two-factor sign-in was turned {State}")]
    public static partial void TwoFactorChanged(ILogger logger, string state);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "A recovery code was used to sign in")]
    public static partial void RecoveryCodeUsed(ILogger logger);
}
