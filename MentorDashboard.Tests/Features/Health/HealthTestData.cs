using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>Set-ups the health tests share: support contacts and pauses, stored directly.</summary>
internal static class HealthTestData
{
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
