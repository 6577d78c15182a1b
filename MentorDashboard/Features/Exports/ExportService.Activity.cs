using System.Runtime.CompilerServices;
using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Features.Exports;

public sealed partial class ExportService
{
    private string[] PostHeaders() =>
    [
        RosterHeader(ImportField.MatchId),
        localizer["Date"],
        localizer["Minutes"],
        localizer["Activity type"],
        localizer["Topics"],
        localizer["Rating"],
        localizer["Text"],
        localizer["Author"],
        RosterHeader(ImportField.MenteeName),
    ];

    private async IAsyncEnumerable<object?[]> ReadPostsAsync(
        int programmeId,
        ExportFilter filter,
        ProgrammeFramework programmeFramework,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posts = (
                from p in db.Posts
                join m in MatchesOf(db, programmeId, filter) on p.MatchId equals m.Id
                where p.ProgrammeId == programmeId
                orderby p.Date, p.CreatedAtUtc, p.Id
                select new
                {
                    MatchId = m.Id,
                    MatchExternalId = m.ExternalId,
                    p.Date,
                    p.Minutes,
                    p.ActivityTypeKey,
                    TopicKeys = p.Topics.Select(t => t.TopicKey).ToList(),
                    p.Rating,
                    p.Text,
                    AuthorName = p.Author.DisplayName,
                    MenteeName = m.Mentee.DisplayName,
                })
            .AsAsyncEnumerable();
        await foreach (var p in posts.WithCancellation(cancellationToken))
        {
            yield return
            [
                MatchIdOf(p.MatchId, p.MatchExternalId),
                DateOf(p.Date),
                p.Minutes,
                programmeFramework.LabelOf(p.ActivityTypeKey),
                string.Join("; ", p.TopicKeys.Select(programmeFramework.LabelOf)),
                p.Rating,
                p.Text,
                p.AuthorName,
                p.MenteeName,
            ];
        }
    }

    /// <summary>
    /// One row per response with what the match page's timeline shows of it: who answered which questionnaire,
    /// for which occasion and when, and each scale's score and band. The answers to single items are not shown to
    /// coordinators anywhere, so they are not exported either.
    /// </summary>
    private async Task<ExportSheet> ReadResponsesAsync(
        AppDbContext db, string stem, int programmeId, ExportFilter filter, CancellationToken cancellationToken)
    {
        var questionnaireIds = await ResponsesOf(db, programmeId, filter)
            .Select(r => r.Response.QuestionnaireId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var questionnaires = await db.Set<Questionnaire>()
            .Where(q => questionnaireIds.Contains(q.Id))
            .OrderBy(q => q.SortOrder)
            .ThenBy(q => q.Id)
            .Select(q => new
            {
                q.Id,
                q.Title,
                Scales = q.Scales.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new { s.Key, s.Name })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var scales = questionnaires
            .SelectMany(q => q.Scales.Select(s => new ScaleColumn(q.Id, s.Key, q.Title, s.Name)))
            .ToList();

        // Two questionnaires may both have a scale called "Closeness": then the title tells them apart.
        var repeated = scales.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        string ScaleHeader(ScaleColumn scale) => repeated.Contains(scale.Name)
            ? localizer["{0}: {1}", scale.Title, scale.Name]
            : scale.Name;

        string[] headers =
        [
            RosterHeader(ImportField.MatchId),
            localizer["Questionnaire"],
            localizer["Respondent"],
            localizer["Occasion"],
            localizer["Answered on"],
            .. scales.SelectMany(s => new[] { ScaleHeader(s), localizer["{0} (band)", ScaleHeader(s)].Value }),
        ];
        return new ExportSheet(stem, localizer["Responses"], headers,
            ReadResponseRowsAsync(programmeId, filter, scales, cancellationToken));
    }

    private async IAsyncEnumerable<object?[]> ReadResponseRowsAsync(
        int programmeId,
        ExportFilter filter,
        IReadOnlyList<ScaleColumn> scales,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var responses = ResponsesOf(db, programmeId, filter)
            .OrderBy(r => r.Response.SubmittedAtUtc)
            .ThenBy(r => r.Response.Id)
            .Select(r => new
            {
                r.MatchId,
                r.MatchExternalId,
                r.Response.QuestionnaireId,
                Title = db.Set<Questionnaire>()
                    .Where(q => q.Id == r.Response.QuestionnaireId)
                    .Select(q => q.Title)
                    .First(),
                RespondentName = db.Users
                    .Where(p => p.Id == r.Response.RespondentId)
                    .Select(p => p.DisplayName)
                    .First(),
                r.Response.Occasion,
                r.Response.SubmittedAtUtc,
                Scores = r.Response.Scores.Select(s => new { s.ScaleKey, s.Score, s.Band }).ToList(),
            })
            .AsAsyncEnumerable();
        await foreach (var r in responses.WithCancellation(cancellationToken))
        {
            var row = new object?[5 + 2 * scales.Count];
            row[0] = MatchIdOf(r.MatchId, r.MatchExternalId);
            row[1] = r.Title;
            row[2] = r.RespondentName;
            row[3] = DateOf(r.Occasion);
            row[4] = DateOf(DateOnly.FromDateTime(r.SubmittedAtUtc));
            for (var i = 0; i < scales.Count; i++)
            {
                if (scales[i].QuestionnaireId == r.QuestionnaireId
                    && r.Scores.FirstOrDefault(s => s.ScaleKey == scales[i].Key) is { } score)
                {
                    row[5 + 2 * i] = score.Score is { } value ? Math.Round(value, 2) : null;
                    row[6 + 2 * i] = score.Band;
                }
            }

            yield return row;
        }
    }

    private static IQueryable<MatchResponse> ResponsesOf(AppDbContext db, int programmeId, ExportFilter filter) =>
        from r in db.Set<Response>()
        join m in MatchesOf(db, programmeId, filter) on r.MatchId equals m.Id
        where r.ProgrammeId == programmeId
        select new MatchResponse { Response = r, MatchId = m.Id, MatchExternalId = m.ExternalId };

    // Set through properties, not a constructor, so that EF can translate what later queries read from it.
    private sealed class MatchResponse
    {
        public required Response Response { get; init; }

        public int MatchId { get; init; }

        public string? MatchExternalId { get; init; }
    }

    private sealed record ScaleColumn(int QuestionnaireId, string Key, string Title, string Name);
}
