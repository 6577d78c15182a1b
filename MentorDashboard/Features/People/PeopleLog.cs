using MentorDashboard.Data;

namespace MentorDashboard.Features.People;

/// <summary>Invitation and people events: ids, roles and counts only, never a name, address or token.</summary>
internal static partial class PeopleLog
{
    [LoggerMessage(EventId = 13001, Level = LogLevel.Information,
        Message = "Invitation {InvitationId} into programme {ProgrammeId} as {Role} was sent")]
    public static partial void InvitationSent(ILogger logger, int invitationId, int programmeId, ProgrammeRole role);

    [LoggerMessage(EventId = 13002, Level = LogLevel.Warning,
        Message = "Invitation {InvitationId} could not be e-mailed; it was withdrawn and can be sent again")]
    public static partial void InvitationSendFailed(ILogger logger, Exception exception, int invitationId);

    [LoggerMessage(EventId = 13003, Level = LogLevel.Information,
        Message = "Invitation {InvitationId} into programme {ProgrammeId} was revoked")]
    public static partial void InvitationRevoked(ILogger logger, int invitationId, int programmeId);

    [LoggerMessage(EventId = 13004, Level = LogLevel.Information,
        Message = "Invitation {InvitationId} into programme {ProgrammeId} was accepted")]
    public static partial void InvitationAccepted(ILogger logger, int invitationId, int programmeId);

    [LoggerMessage(EventId = 13005, Level = LogLevel.Information,
        Message = "An invitation link was refused: {State}")]
    public static partial void InvitationRefused(ILogger logger, InvitationState state);

    [LoggerMessage(EventId = 13006, Level = LogLevel.Warning,
        Message = "Someone who may not manage programme {ProgrammeId}'s people tried to")]
    public static partial void AccessRefused(ILogger logger, int programmeId);

    [LoggerMessage(EventId = 13007, Level = LogLevel.Information,
        Message = "A {Role} role in programme {ProgrammeId} was removed")]
    public static partial void RoleRemoved(ILogger logger, ProgrammeRole role, int programmeId);

    [LoggerMessage(EventId = 13008, Level = LogLevel.Information,
        Message = "A person of programme {ProgrammeId} was disabled")]
    public static partial void PersonDisabled(ILogger logger, int programmeId);

    [LoggerMessage(EventId = 13009, Level = LogLevel.Information,
        Message = "A person of programme {ProgrammeId} was enabled")]
    public static partial void PersonEnabled(ILogger logger, int programmeId);

    [LoggerMessage(EventId = 13010, Level = LogLevel.Error,
        Message = "A change on programme {ProgrammeId}'s people page failed; nothing was changed")]
    public static partial void ChangeFailed(ILogger logger, Exception exception, int programmeId);
}
