using MentorDashboard.Data;
using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Features.Demo;

/// <summary>
/// Made-up answers to the two demo questionnaires for every active match: most pairs doing well, the pairs
/// that stopped meeting and a few others in the concern band, and some occasions still open, so every
/// programme has questionnaires due and overdue. It draws from its own seeded generator, so the network's
/// draws stay as they were; the same today always gives the same responses. A builder builds once.
/// </summary>
internal sealed class DemoResponseBuilder
{
    // A mentor's or mentee's usual reply: most within a few days, some after a week or more.
    private static readonly IReadOnlyList<(int Value, int Weight)> DaysToAnswer =
        [(0, 15), (1, 25), (2, 20), (3, 15), (5, 10), (7, 10), (10, 5)];

    /// <summary>Pairs that stopped meeting drifted into the concern band over about the last four months.</summary>
    private const int StoppedDriftDays = 120;

    /// <summary>Besides the pairs that stopped meeting, a few others have one unhappy side.</summary>
    private const double OtherConcernShare = 0.08;

    /// <summary>How far one answer strays from how the person feels overall, on the scale's points.</summary>
    private const double AnswerSpread = 0.7;

    private const double SkippedItemShare = 0.02;

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly List<Response> _responses = [];

    public DemoResponseBuilder(int seed, DateOnly today)
    {
        _random = new Random(seed);
        _today = today;
    }

    /// <summary>Needs saved matches and questionnaires: responses refer to them by id.</summary>
    public IReadOnlyList<Response> Build(
        IEnumerable<Match> matches, IReadOnlySet<Match> stopped, Questionnaire youth, Questionnaire mentor)
    {
        foreach (var match in matches.Where(m => m.Status == MatchStatus.Active))
        {
            var isStopped = stopped.Contains(match);
            var otherConcern = !isStopped && !match.Mentor.IsDemo && _random.NextDouble() < OtherConcernShare;
            var youthUnhappy = isStopped || (otherConcern && _random.NextDouble() < 0.5);
            var mentorUnhappy = isStopped || (otherConcern && !youthUnhappy);
            var youthFeeling = Feeling(youthUnhappy);
            var mentorFeeling = Feeling(mentorUnhappy);
            var meetingFeeling = isStopped ? 2.4 + (0.8 * _random.NextDouble()) : Feeling(false);

            AddResponses(youth, match, match.Mentee, isStopped, occasion => new Dictionary<string, double>
            {
                [DemoQuestionnaires.YouthScale] = FeelingOn(occasion, youthFeeling, isStopped),
            });
            AddResponses(mentor, match, match.Mentor, isStopped, occasion => new Dictionary<string, double>
            {
                [DemoQuestionnaires.MentorAffectiveScale] = FeelingOn(occasion, mentorFeeling, isStopped),
                [DemoQuestionnaires.MentorLogisticalScale] = meetingFeeling,
            });
        }

        return _responses;
    }

    /// <summary>How well it is going for one side, as the mean a scale would show: 3.6–4.5, or 2.1–2.7.</summary>
    private double Feeling(bool unhappy) =>
        unhappy ? 2.1 + (0.6 * _random.NextDouble()) : 3.6 + (0.9 * _random.NextDouble());

    /// <summary>The feeling on one occasion: the same person varies a little from one occasion to the next.
    /// </summary>
    private double FeelingOn(DateOnly occasion, double feeling, bool isStopped)
    {
        // A pair that stopped meeting was doing fairly before it drifted.
        var beforeDrift = isStopped && occasion < _today.AddDays(-StoppedDriftDays);
        return (beforeDrift ? 3.4 : feeling) + (0.15 * _random.NextGaussian());
    }

    private void AddResponses(
        Questionnaire questionnaire,
        Match match,
        Person respondent,
        bool isStopped,
        Func<DateOnly, Dictionary<string, double>> feelingsOn)
    {
        var occasions = QuestionnaireSchedule.Occasions(questionnaire, match.StartDate, _today).ToList();
        for (var i = 0; i < occasions.Count; i++)
        {
            var occasion = occasions[i];
            var isLatest = i == occasions.Count - 1;
            var answeredOn = occasion.AddDays(_random.PickWeighted(DaysToAnswer));
            var answers = Answers(questionnaire, feelingsOn(occasion));
            var submissionId = _random.NextGuid();
            var submittedAt = answeredOn.ToDateTime(
                new TimeOnly(7 + _random.Next(15), _random.Next(60)), DateTimeKind.Utc);
            var answersIt = _random.NextDouble() < AnswerShare(occasion, isLatest, isStopped);

            // Demo accounts have answered all but their latest occasion, which waits for the README's reader.
            // Nobody has answered before today, so no response lies in the future, whatever the hour.
            if ((respondent.IsDemo ? isLatest : !answersIt) || answeredOn >= _today)
            {
                continue;
            }

            var input = new SubmitInput
            {
                SubmissionId = submissionId,
                QuestionnaireId = questionnaire.Id,
                MatchId = match.Id,
                Occasion = occasion,
                Answers = answers,
            };
            _responses.Add(QuestionnaireService.NewResponse(
                questionnaire, match.ProgrammeId, respondent.Id, input, submittedAt));
        }
    }

    /// <summary>
    /// Most occasions are answered; the latest less often, most of all while it is still due, so every
    /// programme has some questionnaires due and a few overdue.
    /// </summary>
    private double AnswerShare(DateOnly occasion, bool isLatest, bool isStopped)
    {
        if (!isLatest)
        {
            return 0.97;
        }

        if (QuestionnaireSchedule.StatusOf(occasion, _today) == DueStatus.Due)
        {
            return 0.4;
        }

        return isStopped ? 0.6 : 0.85;
    }

    /// <summary>
    /// One answer per item, drawn around how the person feels on the item's scale. A reversed item is answered
    /// the other way round, so a happy mentee answers "never" to "I feel bored".
    /// </summary>
    private Dictionary<string, int> Answers(
        Questionnaire questionnaire, Dictionary<string, double> feelings)
    {
        var points = questionnaire.ResponseScale.Points;
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in questionnaire.Items.OrderBy(i => i.SortOrder))
        {
            var meant = Math.Round(feelings[item.ScaleKey] + (AnswerSpread * _random.NextGaussian()));
            var counted = (int)Math.Clamp(meant, 1, points);
            if (_random.NextDouble() >= SkippedItemShare)
            {
                answers[item.Key] = ScoringEngine.Counted(counted, item.IsReversed, points);
            }
        }

        return answers;
    }
}
