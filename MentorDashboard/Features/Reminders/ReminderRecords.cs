using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Features.Reminders;

/// <summary>Which reminders a person wants.</summary>
public sealed record ReminderChoices(bool InApp, bool Email)
{
    public static ReminderChoices Default { get; } = new(true, true);
}

/// <summary>An active match of the mentor's that has had no post for a while.</summary>
/// <param name="LastPost">The latest meeting reported; null when none has been since the match started.</param>
public sealed record QuietMatch(int MatchId, string MenteeName, DateOnly? LastPost, int DaysWithoutPost);

/// <summary>What the newsroom's banner reminds a mentor of; nothing when they turned in-app reminders off.</summary>
public sealed record InAppReminders(IReadOnlyList<QuietMatch> QuietMatches, int QuestionnairesDue)
{
    public static InAppReminders None { get; } = new([], 0);

    public bool Any => QuietMatches.Count > 0 || QuestionnairesDue > 0;
}

/// <summary>One e-mail to send: one person, one kind, every programme it concerns.</summary>
internal sealed record EmailReminder(
    string PersonId, string Email, string Name, ReminderKind Kind, IReadOnlyList<ProgrammeReminder> Programmes);

/// <summary>
/// What one programme adds to an e-mail: its quiet matches (for <see cref="ReminderKind.NoRecentPost"/>) or its
/// due questionnaires (for <see cref="ReminderKind.QuestionnaireDue"/>).
/// </summary>
internal sealed record ProgrammeReminder(
    int ProgrammeId,
    string ProgrammeName,
    int QuietMatches,
    int DaysWithoutPost,
    IReadOnlyList<DueQuestionnaire> Questionnaires);

/// <summary>What one check did: e-mails handed to the SMTP server, and those that wait for the next check.</summary>
public sealed record ReminderRun(int Sent, int Failed);
