using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.PublicNewsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Newsroom;

/// <summary>Who may read a programme's newsroom and whether its public posts wait for approval.</summary>
public sealed record NewsroomVisibility(bool IsPublic, bool RequiresModeration);

/// <summary>A mentee of the programme with what decides how, and whether, they appear in public.</summary>
public sealed record MenteeSafeguarding(
    string PersonId, string Name, string? Nickname, bool IsMinor, DateOnly? GuardianConsentOn);

/// <summary>A coordinator's changes to one mentee's safeguarding details; mutable because the form binds to it.
/// </summary>
public sealed class MenteeSafeguardingInput
{
    public required string PersonId { get; init; }

    public string? Nickname { get; set; }

    public bool IsMinor { get; set; }

    /// <summary>The day the guardian's consent to public posts was given; null withdraws it.</summary>
    public DateTime? GuardianConsentOn { get; set; }
}

/// <summary>Reads and changes a programme's newsroom settings and its mentees' safeguarding details.</summary>
public sealed class NewsroomSettingsService(
    IDbContextFactory<AppDbContext> dbFactory,
    AuditLog audit,
    TimeProvider time,
    ILogger<NewsroomSettingsService> logger)
{
    public async Task<NewsroomVisibility> GetAsync(int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => new NewsroomVisibility(p.NewsroomIsPublic, p.RequiresModeration))
            .SingleOrDefaultAsync(cancellationToken) ?? new NewsroomVisibility(false, false);
    }

    public async Task SaveAsync(
        int programmeId,
        NewsroomVisibility settings,
        string coordinatorId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId, cancellationToken);
        if (programme.NewsroomIsPublic == settings.IsPublic
            && programme.RequiresModeration == settings.RequiresModeration)
        {
            return;
        }

        programme.NewsroomIsPublic = settings.IsPublic;
        programme.RequiresModeration = settings.RequiresModeration;
        await db.SaveChangesAsync(cancellationToken);
        PublicNewsroomLog.SettingsChanged(logger, programmeId, settings.IsPublic, settings.RequiresModeration);
        await audit.WriteAsync(
            AuditKind.NewsroomSettingsChanged,
            coordinatorId,
            programmeId,
            detail: FormattableString.Invariant(
                $"IsPublic={settings.IsPublic}; RequiresModeration={settings.RequiresModeration}"),
            cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<MenteeSafeguarding>> ListMenteesAsync(
        int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mentees = await db.Memberships
            .Where(m => m.ProgrammeId == programmeId && m.Role == ProgrammeRole.Mentee)
            .Select(m => m.Person)
            .Distinct()
            .OrderBy(p => p.DisplayName)
            .Select(p => new { p.Id, p.DisplayName, p.Nickname, p.IsMinor, p.GuardianConsentAtUtc })
            .ToListAsync(cancellationToken);
        return mentees
            .Select(p => new MenteeSafeguarding(
                p.Id,
                p.DisplayName,
                p.Nickname,
                p.IsMinor,
                p.GuardianConsentAtUtc is { } consent ? DateOnly.FromDateTime(consent) : null))
            .ToList();
    }

    /// <summary>
    /// Saves a mentee's nickname, minor flag and guardian's consent; returns the reason when refused, and then
    /// changes nothing. A change of the flag or the consent is audited: it decides what the public can see.
    /// </summary>
    public async Task<string?> SaveMenteeAsync(
        int programmeId,
        MenteeSafeguardingInput input,
        string coordinatorId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.Memberships
            .Where(m => m.ProgrammeId == programmeId && m.Role == ProgrammeRole.Mentee && m.PersonId == input.PersonId)
            .Select(m => m.Person)
            .FirstOrDefaultAsync(cancellationToken);
        var consentOn = input.GuardianConsentOn is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
        var error = person is null
            ? "This person is not a mentee in this programme."
            : Nicknames.Check(input.Nickname, person.DisplayName)
                ?? (consentOn > time.Today() ? "The date of the guardian's consent cannot be in the future." : null);
        if (error is not null || person is null)
        {
            PublicNewsroomLog.MenteeRefused(logger, programmeId, person is null ? "not a mentee" : "invalid input");
            return error;
        }

        if (!await MayChangeEverywhereAsync(db, programmeId, person.Id, coordinatorId, cancellationToken))
        {
            PublicNewsroomLog.MenteeRefused(logger, programmeId, "in another programme");
            return "This mentee is also in a programme you do not coordinate, where these details apply too. "
                + "Ask the network admin to change them.";
        }

        var consentAtUtc = consentOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var consentChanged = person.IsMinor != input.IsMinor || person.GuardianConsentAtUtc != consentAtUtc;
        person.Nickname = Nicknames.Clean(input.Nickname);
        person.IsMinor = input.IsMinor;
        person.GuardianConsentAtUtc = consentAtUtc;
        await db.SaveChangesAsync(cancellationToken);
        PublicNewsroomLog.MenteeSaved(logger, programmeId);
        if (consentChanged)
        {
            await audit.WriteAsync(
                AuditKind.GuardianConsentChanged,
                coordinatorId,
                programmeId,
                person.Id,
                ConsentDetail(input.IsMinor, consentOn),
                cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// The nickname, the minor flag and the consent belong to the person, so they decide what every programme of
    /// theirs shows in public: only someone who coordinates all of those programmes, or the network admin, may
    /// change them.
    /// </summary>
    private static async Task<bool> MayChangeEverywhereAsync(
        AppDbContext db, int programmeId, string menteeId, string coordinatorId, CancellationToken cancellationToken)
    {
        var networkId = await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.NetworkId)
            .SingleAsync(cancellationToken);
        if (await db.Users.AnyAsync(p => p.Id == coordinatorId && p.AdminOfNetworkId == networkId, cancellationToken))
        {
            return true;
        }

        var coordinated = db.Memberships
            .Where(m => m.PersonId == coordinatorId && m.Role == ProgrammeRole.Coordinator)
            .Select(m => m.ProgrammeId);
        return !await db.Memberships.AnyAsync(
            m => m.PersonId == menteeId && m.ProgrammeId != programmeId && !coordinated.Contains(m.ProgrammeId),
            cancellationToken);
    }

    // Machine-written and free of personal data: whether the mentee is a minor and the date of the consent.
    private static string ConsentDetail(bool isMinor, DateOnly? consentOn) =>
        FormattableString.Invariant($"IsMinor={isMinor}; Consent=")
        + (consentOn is { } on ? on.ToString("O", CultureInfo.InvariantCulture) : "none");
}
