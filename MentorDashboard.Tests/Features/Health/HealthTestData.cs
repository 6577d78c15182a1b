using MentorDashboard.Data;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>Set-ups the health tests share: rules, support contacts, pauses and late posts.</summary>
internal static class HealthTestData
{
    /// <summary>Stores the programme's rules: the default rules of these kinds only.</summary>
    public static async Task SaveDefaultRulesAsync(
        this FeatureServices features, int programmeId, params HealthRuleKind[] kinds)
    {
        var rules = HealthRuleSet.Defaults(programmeId).Where(rule => kinds.Contains(rule.Kind)).ToList();
        Assert.Empty(await features.HealthRules.SaveAsync(programmeId, rules));
    }

    /// <summary>A report of an older meeting, written up late: news for the match that does not end a gap.</summary>
    public static PostInput LateReport(Match match, DateTime meetingDate) => new()
    {
        MatchId = match.Id,
        Date = meetingDate,
        Minutes = 60,
        ActivityTypeKey = "activity.walk",
        TopicKeys = ["topic.housing"],
        Rating = 3,
        Text = "Written up late: we walked by the river.",
    };

    public static async Task AddSupportContactAsync(this TestDatabase database, Match match, DateOnly date)
    {
        await using var db = await database.OpenAsync();
        db.Set<SupportContact>().Add(new SupportContact
        {
            ProgrammeId = match.ProgrammeId,
            MatchId = match.Id,
            Date = date,
            Channel = ContactChannel.Phone,
            With = ContactPerson.Mentor,
            Note = "Checked in by phone.",
            CreatedAtUtc = date.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
    }

    public static async Task PauseAsync(this TestDatabase database, Match match, DateOnly from, DateOnly resume)
    {
        await using var db = await database.OpenAsync();
        var stored = await db.Matches.FindAsync(match.Id);
        stored!.Status = MatchStatus.Paused;
        stored.PausedOn = from;
        stored.PauseReason = "Exams";
        stored.ExpectedResumeDate = resume;
        await db.SaveChangesAsync();
    }
}
