using System.Globalization;
using System.Runtime.CompilerServices;
using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MentorDashboard.Features.Exports;

/// <summary>
/// Reads the tables coordinators download: matches, posts, support contacts and questionnaire responses of one
/// programme, with the filters of the page they come from. Rows stream from the database as the file is written.
/// Headers are in the reader's language; the columns an import reads carry the headers of
/// <see cref="ImportFields"/>, so a downloaded file imports again. Dates are ISO and numbers invariant, so a
/// file reads the same in every language. Who may download is the endpoint's policy (coordinators only).
/// </summary>
public sealed partial class ExportService(
    IDbContextFactory<AppDbContext> dbFactory,
    FrameworkService framework,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider time)
{
    /// <summary>
    /// The table, or null when the programme does not exist or the filter names a match that is not one of its.
    /// </summary>
    public async Task<ExportSheet?> ReadAsync(
        int programmeId, ExportTable table, ExportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => p.Key)
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null || (filter.MatchId is { } matchId
            && !await db.Matches.AnyAsync(m => m.Id == matchId && m.ProgrammeId == programmeId, cancellationToken)))
        {
            return null;
        }

        var stem = string.Create(
            CultureInfo.InvariantCulture, $"{key}-{ExportsExtensions.NameOf(table)}-{time.Today():yyyy-MM-dd}");
        return table switch
        {
            ExportTable.Matches => new ExportSheet(stem, localizer["Matches"], MatchHeaders(),
                ReadMatchesAsync(programmeId, filter, cancellationToken)),
            ExportTable.Contacts => new ExportSheet(stem, localizer["Support contacts"], ContactHeaders(),
                ReadContactsAsync(programmeId, filter, cancellationToken)),
            ExportTable.Posts => new ExportSheet(stem, localizer["Posts"], PostHeaders(),
                ReadPostsAsync(programmeId, filter,
                    await framework.GetForProgrammeAsync(programmeId, cancellationToken), cancellationToken)),
            _ => await ReadResponsesAsync(db, stem, programmeId, filter, cancellationToken),
        };
    }

    private string[] MatchHeaders() =>
    [
        RosterHeader(ImportField.MatchId),
        RosterHeader(ImportField.MentorId),
        RosterHeader(ImportField.MenteeId),
        RosterHeader(ImportField.Stage),
        RosterHeader(ImportField.StartDate),
        RosterHeader(ImportField.ClosureDate),
        RosterHeader(ImportField.ClosureReason),
        RosterHeader(ImportField.MentorName),
        RosterHeader(ImportField.MenteeName),
        localizer["Paused on"],
        localizer["Pause reason"],
        localizer["Expected back"],
    ];

    private async IAsyncEnumerable<object?[]> ReadMatchesAsync(
        int programmeId, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var memberships = db.Memberships.Where(ms => ms.ProgrammeId == programmeId);
        var matches = MatchesOf(db, programmeId, filter)
            .OrderBy(m => m.StartDate)
            .ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.ExternalId,
                m.MentorId,
                MentorExternalId = memberships
                    .Where(ms => ms.PersonId == m.MentorId && ms.Role == ProgrammeRole.Mentor)
                    .Select(ms => ms.ExternalId)
                    .FirstOrDefault(),
                m.MenteeId,
                MenteeExternalId = memberships
                    .Where(ms => ms.PersonId == m.MenteeId && ms.Role == ProgrammeRole.Mentee)
                    .Select(ms => ms.ExternalId)
                    .FirstOrDefault(),
                m.Status,
                m.StartDate,
                m.ClosureDate,
                m.ClosureReason,
                MentorName = m.Mentor.DisplayName,
                MenteeName = m.Mentee.DisplayName,
                m.PausedOn,
                m.PauseReason,
                m.ExpectedResumeDate,
            })
            .AsAsyncEnumerable();
        await foreach (var m in matches.WithCancellation(cancellationToken))
        {
            yield return
            [
                MatchIdOf(m.Id, m.ExternalId),
                m.MentorExternalId ?? m.MentorId,
                m.MenteeExternalId ?? m.MenteeId,
                localizer[MatchDisplay.LabelOf(m.Status)].Value,
                DateOf(m.StartDate),
                DateOf(m.ClosureDate),
                m.ClosureReason,
                m.MentorName,
                m.MenteeName,
                DateOf(m.PausedOn),
                m.PauseReason,
                DateOf(m.ExpectedResumeDate),
            ];
        }
    }

    private string[] ContactHeaders() =>
    [
        ContactHeader(ImportField.MatchId),
        ContactHeader(ImportField.ContactId),
        ContactHeader(ImportField.ContactDate),
        ContactHeader(ImportField.ContactNote),
        ContactHeader(ImportField.ContactChannel),
        ContactHeader(ImportField.ContactWith),
        localizer["Follow-up needed"],
        localizer["Logged by"],
        RosterHeader(ImportField.MentorName),
        RosterHeader(ImportField.MenteeName),
    ];

    private async IAsyncEnumerable<object?[]> ReadContactsAsync(
        int programmeId, ExportFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contacts = (
                from c in db.Set<SupportContact>()
                join m in MatchesOf(db, programmeId, filter) on c.MatchId equals m.Id
                where c.ProgrammeId == programmeId
                orderby c.Date, c.Id
                select new
                {
                    MatchId = m.Id,
                    MatchExternalId = m.ExternalId,
                    c.Id,
                    c.ImportKey,
                    c.Date,
                    c.Note,
                    c.Channel,
                    c.With,
                    c.FollowUpNeeded,
                    RecordedByName = db.Users
                        .Where(p => p.Id == c.RecordedById)
                        .Select(p => p.DisplayName)
                        .FirstOrDefault(),
                    MentorName = m.Mentor.DisplayName,
                    MenteeName = m.Mentee.DisplayName,
                })
            .AsAsyncEnumerable();
        await foreach (var c in contacts.WithCancellation(cancellationToken))
        {
            yield return
            [
                MatchIdOf(c.MatchId, c.MatchExternalId),
                ContactLogImporter.ContactIdOf(c.ImportKey) ?? OwnIds.Of(c.Id),
                DateOf(c.Date),
                c.Note,
                localizer[ContactLabels.Of(c.Channel)].Value,
                localizer[ContactLabels.Of(c.With)].Value,
                localizer[c.FollowUpNeeded ? "Yes" : "No"].Value,
                c.RecordedByName ?? localizer["Imported"],
                c.MentorName,
                c.MenteeName,
            ];
        }
    }

    /// <summary>The programme's matches that pass the filter, searched by name as the matches list searches.
    /// </summary>
    private static IQueryable<Match> MatchesOf(AppDbContext db, int programmeId, ExportFilter filter)
    {
        var matches = db.Matches.Where(m => m.ProgrammeId == programmeId);
        if (filter.Status is { } status)
        {
            matches = matches.Where(m => m.Status == status);
        }

        if (filter.MatchId is { } matchId)
        {
            matches = matches.Where(m => m.Id == matchId);
        }

        return MatchService.WhereNameContains(matches, filter.Search);
    }

    /// <summary>The id an import finds the match by: the source system's id for an imported match, ours else.
    /// </summary>
    private static string MatchIdOf(int id, string? externalId) =>
        externalId ?? OwnIds.Of(id);

    private static string? DateOf(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string RosterHeader(ImportField field) => HeaderOf(ImportFields.Roster, field);

    private string ContactHeader(ImportField field) => HeaderOf(ImportFields.ContactLog, field);

    private string HeaderOf(IReadOnlyList<ImportFieldDefinition> fields, ImportField field) =>
        localizer[fields.Single(f => f.Field == field).Header];
}
