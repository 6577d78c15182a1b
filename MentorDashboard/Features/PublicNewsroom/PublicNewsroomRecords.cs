using MentorDashboard.Features.Framework;

namespace MentorDashboard.Features.PublicNewsroom;

/// <summary>A post as the public newsroom shows it: no full names, the month only, the story as plain text.</summary>
public sealed record PublicPostView(
    long Id,
    string MentorName,
    string MenteeName,
    int Year,
    int Month,
    FrameworkOption ActivityType,
    IReadOnlyList<FrameworkOption> Topics,
    string Text);

/// <summary>One page of a public newsroom, newest first; page 1 is the newest.</summary>
public sealed record PublicNewsroomPage(
    int ProgrammeId, string ProgrammeName, int Page, IReadOnlyList<PublicPostView> Posts, bool HasOlder);

/// <summary>What a reader's report came to: the report saved, or the reason it was refused.</summary>
public sealed record ReportResult(bool Saved, string? Error)
{
    public static readonly ReportResult Done = new(true, null);

    public static ReportResult Refused(string error) => new(false, error);
}
