namespace MentorDashboard.Features.Accounts.External;

/// <summary>
/// Sign-ins through a network's provider. Only the scheme, outcomes and ids are logged: never an e-mail address,
/// a name or a token.
/// </summary>
internal static partial class ExternalSignInLog
{
    [LoggerMessage(EventId = 14001, Level = LogLevel.Information,
        Message = "A person signed in through the provider {Scheme}")]
    public static partial void SignedIn(ILogger logger, string scheme);

    [LoggerMessage(EventId = 14002, Level = LogLevel.Information,
        Message = "A sign-in through the provider {Scheme} accepted an invitation to programme {ProgrammeId}")]
    public static partial void InvitationAccepted(ILogger logger, string scheme, int programmeId);

    [LoggerMessage(EventId = 14003, Level = LogLevel.Information,
        Message = "A sign-in through the provider {Scheme} was refused: {Outcome}")]
    public static partial void Refused(ILogger logger, string scheme, ExternalSignInOutcome outcome);

    [LoggerMessage(EventId = 14004, Level = LogLevel.Warning,
        Message = "The provider {Scheme} failed a sign-in ({FailureKind}, {ExceptionType})")]
    public static partial void ProviderFailed(ILogger logger, string scheme, string failureKind, string? exceptionType);

    [LoggerMessage(EventId = 14005, Level = LogLevel.Warning,
        Message = "The sign-in callback found no answer from a configured provider")]
    public static partial void NoExternalLogin(ILogger logger);

    [LoggerMessage(EventId = 14006, Level = LogLevel.Warning,
        Message = "Identity refused a person or login from the provider {Scheme}: {ErrorCodes}")]
    public static partial void IdentityRefused(ILogger logger, string scheme, string errorCodes);
}
