using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static System.FormattableString;
using static MentorDashboard.Tests.Features.Demo.DemoSeeding;

namespace MentorDashboard.Tests.Features.Demo;

public sealed class DemoSeederQuestionnaireTests
{
    [Fact]
    public async Task Seed_adds_the_youth_and_mentor_questionnaires_to_the_demo_network()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var network = await db.Networks.SingleAsync(Cancellation);
        var questionnaires = await db.Set<Questionnaire>()
            .Include(q => q.Items)
            .OrderBy(q => q.SortOrder)
            .ToListAsync(Cancellation);

        Assert.Equal([DemoQuestionnaires.YouthKey, DemoQuestionnaires.MentorKey], questionnaires.Select(q => q.Key));
        Assert.All(questionnaires, q => Assert.Equal(network.Id, q.NetworkId));
        Assert.Equal(
            [QuestionnaireRespondent.Mentee, QuestionnaireRespondent.Mentor],
            questionnaires.Select(q => q.Respondent));
        Assert.Equal([10, 14], questionnaires.Select(q => q.Items.Count));
        Assert.Equal([4, 8], questionnaires.Select(q => q.Items.Count(i => i.IsReversed)));
    }

    [Fact]
    public async Task Seed_answers_most_occasions_of_most_active_matches()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var active = await db.Matches
            .Where(m => m.Status == MatchStatus.Active)
            .ToListAsync(Cancellation);
        var questionnaires = await db.Set<Questionnaire>().ToListAsync(Cancellation);
        var responses = await db.Set<Response>().ToListAsync(Cancellation);
        var occasions = active.Sum(m => questionnaires.Sum(
            q => QuestionnaireSchedule.Occasions(q, m.StartDate, Today).Count()));
        var answeredMatches = responses.Select(r => r.MatchId).Distinct().Count();

        Assert.InRange((double)answeredMatches / active.Count, 0.75, 1.0);
        Assert.InRange((double)responses.Count / occasions, 0.75, 0.95);
    }

    [Fact]
    public async Task Seed_stores_the_scores_the_scoring_engine_gives_each_response()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var questionnaires = await db.Set<Questionnaire>()
            .Include(q => q.Items)
            .Include(q => q.Scales)
            .AsSplitQuery()
            .ToDictionaryAsync(q => q.Id, Cancellation);
        var responses = await db.Set<Response>()
            .Include(r => r.Answers)
            .Include(r => r.Scores)
            .AsSplitQuery()
            .ToListAsync(Cancellation);

        Assert.NotEmpty(responses);
        Assert.All(responses, response =>
        {
            var expected = ScoringEngine.Score(
                questionnaires[response.QuestionnaireId],
                response.Answers.ToDictionary(a => a.ItemKey, a => a.Value));
            var stored = response.Scores
                .Select(s => new ScaleScore(s.ScaleKey, s.Score, s.Band, s.IsConcern))
                .OrderBy(s => s.ScaleKey, StringComparer.Ordinal);
            Assert.Equal(expected.OrderBy(s => s.ScaleKey, StringComparer.Ordinal), stored);
        });
    }

    [Fact]
    public async Task Seed_has_each_active_match_answer_after_the_occasion_and_before_now()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var questionnaires = await db.Set<Questionnaire>().ToDictionaryAsync(q => q.Id, Cancellation);
        var responses = await db.Set<Response>().ToListAsync(Cancellation);
        var matches = await db.Matches.ToDictionaryAsync(m => m.Id, Cancellation);

        Assert.All(responses, response =>
        {
            var match = matches[response.MatchId];
            var questionnaire = questionnaires[response.QuestionnaireId];
            Assert.Equal(MatchStatus.Active, match.Status);
            Assert.Equal(match.ProgrammeId, response.ProgrammeId);
            Assert.Equal(
                questionnaire.Respondent == QuestionnaireRespondent.Mentee ? match.MenteeId : match.MentorId,
                response.RespondentId);
            Assert.Contains(
                response.Occasion, QuestionnaireSchedule.Occasions(questionnaire, match.StartDate, Today));
            Assert.InRange(
                response.SubmittedAtUtc, response.Occasion.ToDateTime(TimeOnly.MinValue), Now.UtcDateTime);
        });
        Assert.Equal(responses.Count, responses.Select(r => r.SubmissionId).Distinct().Count());
    }

    [Fact]
    public async Task Seed_puts_some_relationship_scores_of_each_programme_in_the_concern_band_and_most_not()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var scores = await db.Set<ResponseScore>()
            .Where(s => s.ScaleKey == DemoQuestionnaires.YouthScale
                || s.ScaleKey == DemoQuestionnaires.MentorAffectiveScale)
            .Join(db.Set<Response>(), s => s.ResponseId, r => r.Id, (s, r) => new { r.ProgrammeId, s.IsConcern })
            .ToListAsync(Cancellation);
        var programmes = scores.GroupBy(s => s.ProgrammeId).ToList();

        Assert.Equal(3, programmes.Count);
        Assert.All(programmes, programme =>
        {
            var concerns = programme.Count(s => s.IsConcern);
            Assert.True(concerns > 0, "No concern in a programme.");
            Assert.True(
                concerns < programme.Count() * 0.25,
                Invariant($"{concerns} of {programme.Count()} scores are concerns."));
        });
    }

    [Fact]
    public async Task Seed_has_happy_mentees_answer_the_reversed_items_the_other_way_round()
    {
        await using var database = await SeededDatabaseAsync(Now);
        await using var db = await database.OpenAsync();

        var reversed = DemoQuestionnaires.Youth().Items.Where(i => i.IsReversed).Select(i => i.Key).ToList();
        var happyAnswers = await db.Set<Response>()
            .Where(r => r.Scores.Any(s => s.ScaleKey == DemoQuestionnaires.YouthScale && s.Score >= 4))
            .SelectMany(r => r.Answers)
            .Where(a => reversed.Contains(a.ItemKey))
            .Select(a => a.Value)
            .ToListAsync(Cancellation);

        Assert.NotEmpty(happyAnswers);
        Assert.True(happyAnswers.Average() <= 2, Invariant($"Mean answer {happyAnswers.Average():F2}."));
    }

    [Theory]
    [InlineData(DemoAccounts.CityMentee)]
    [InlineData(DemoAccounts.CityMentor)]
    [InlineData(DemoAccounts.SchoolMentor)]
    [InlineData(DemoAccounts.JobsMentor)]
    public async Task Seed_leaves_each_demo_participant_a_questionnaire_due_now_and_none_overdue(string email)
    {
        await using var database = await SeededDatabaseAsync(Now);
        var questionnaires = new FeatureServices(database, new FixedTime(Now)).Questionnaires;
        await using var db = await database.OpenAsync();
        var membership = await db.Memberships
            .SingleAsync(m => m.Person.Email == email, Cancellation);

        var due = await questionnaires.ListDueAsync(membership.ProgrammeId, membership.PersonId, Cancellation);

        Assert.NotEmpty(due);
        Assert.All(due, d => Assert.Equal(DueStatus.Due, d.Status));
    }

    [Fact]
    public async Task Seed_leaves_each_programme_questionnaires_due_and_a_few_overdue()
    {
        await using var database = await SeededDatabaseAsync(Now);
        var questionnaires = new FeatureServices(database, new FixedTime(Now)).Questionnaires;
        await using var db = await database.OpenAsync();
        var programmeIds = await db.Programmes.Select(p => p.Id).ToListAsync(Cancellation);

        foreach (var programmeId in programmeIds)
        {
            var counts = await questionnaires.CountDueAndOverdueAsync(programmeId, Cancellation);

            Assert.InRange(counts.Due, 1, 30);
            Assert.InRange(counts.Overdue, 1, 30);
        }
    }

    [Fact]
    public async Task Seed_on_the_same_day_creates_the_same_responses()
    {
        await using var morning = await SeededDatabaseAsync(Now);
        await using var evening = await SeededDatabaseAsync(
            new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero));

        Assert.Equal(await ResponsesFingerprintAsync(morning), await ResponsesFingerprintAsync(evening));
    }

    /// <summary>Every seeded response with its answers and scores, in a stable order, as one string.</summary>
    private static async Task<string> ResponsesFingerprintAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        var responses = await db.Set<Response>()
            .Include(r => r.Answers)
            .Include(r => r.Scores)
            .AsSplitQuery()
            .OrderBy(r => r.Id)
            .ToListAsync(Cancellation);
        return string.Join('\n', responses.Select(r => string.Join(
            ' ',
            Invariant($"{r.MatchId} {r.QuestionnaireId} {r.RespondentId} {r.Occasion} {r.SubmittedAtUtc:O}"),
            r.SubmissionId,
            Joined(r.Answers.Select(a => Invariant($"{a.ItemKey}={a.Value}"))),
            Joined(r.Scores.Select(s => Invariant($"{s.ScaleKey}={s.Score:R}"))))));
    }

    private static string Joined(IEnumerable<string> parts) => string.Join(',', parts.Order(StringComparer.Ordinal));
}
