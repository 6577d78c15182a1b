using System.Security.Cryptography;
using MentorDashboard.Data;
using MentorDashboard.Features.People;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Accounts.External;

public static class Invitations
{
    /// <summary>A coordinator's pending invitation of the address as a mentor, valid for a week from now.</summary>
    public static async Task<Invitation> AddAsync(
        TestDatabase database, string email, int programmeId, DateTime nowUtc)
    {
        await using var db = await database.OpenAsync();
        var invitation = new Invitation
        {
            ProgrammeId = programmeId,
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            Role = ProgrammeRole.Mentor,
            TokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc.AddDays(7),
        };
        db.Add(invitation);
        await db.SaveChangesAsync();
        return invitation;
    }
}
