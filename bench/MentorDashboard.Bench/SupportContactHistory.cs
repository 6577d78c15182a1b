using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Bench;

/// <summary>
/// Support contacts for every active match: two in its first month, then about one a month, as the contact
/// standard asks, with every tenth match falling behind lately. The health rules read them on every dashboard
/// read, so the figures include them.
/// </summary>
internal static class SupportContactHistory
{
    public static async Task<int> WriteAsync(
        AppDbContext db,
        SampleNetworkResult network,
        DateOnly today,
        Random random,
        CancellationToken cancellationToken)
    {
        var contacts = new List<SupportContact>();
        foreach (var programme in network.Programmes)
        {
            foreach (var match in programme.Matches.Where(m => m.Active))
            {
                var behind = random.NextDouble() < 0.1;
                var last = behind ? today.AddDays(-random.Next(31, 90)) : today;
                var date = match.Start.AddDays(random.Next(3, 10));
                var made = 0;
                while (date <= last)
                {
                    contacts.Add(new SupportContact
                    {
                        ProgrammeId = programme.Id,
                        MatchId = match.Id,
                        Date = date,
                        Channel = ContactChannel.Phone,
                        With = ContactPerson.Mentor,
                        Note = "Checked in by phone.",
                        CreatedAtUtc = date.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc),
                    });
                    made++;
                    date = date.AddDays(made == 1 ? random.Next(10, 16) : random.Next(20, 31));
                }
            }
        }

        db.Set<SupportContact>().AddRange(contacts);
        await db.SaveChangesAsync(cancellationToken);
        return contacts.Count;
    }
}
