using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Features.Demo;

/// <summary>
/// The demo network's two relationship-quality instruments. They have the shape of validated instruments (item
/// counts, scales, reversed items) but their wording is our own: no published instrument's items are copied.
/// </summary>
public static class DemoQuestionnaires
{
    public const string YouthKey = "questionnaire.youth-relationship";

    public const string MentorKey = "questionnaire.mentor-relationship";

    public const string YouthScale = "youth.quality";

    public const string MentorAffectiveScale = "mentor.affective";

    public const string MentorLogisticalScale = "mentor.logistical";

    /// <summary>Mean scores under 3.0 (the scale's midpoint) are a concern a coordinator follows up.</summary>
    public const double ConcernBelow = 3.0;

    private static readonly IReadOnlyList<(string Key, string Text, bool IsReversed)> YouthItems =
    [
        ("youth.look-forward", "I look forward to the time I spend with my mentor.", false),
        ("youth.listens", "My mentor listens when I want to talk about something.", false),
        ("youth.trust", "I feel I can trust my mentor.", false),
        ("youth.bored", "I feel bored when I am with my mentor.", true),
        ("youth.helps", "My mentor helps me when something is hard for me.", false),
        ("youth.uneasy", "I feel uneasy around my mentor.", true),
        ("youth.cares", "My mentor cares about what happens to me.", false),
        ("youth.keep-quiet", "I keep things to myself because I am unsure how my mentor will react.", true),
        ("youth.be-myself", "I can be myself when I am with my mentor.", false),
        ("youth.other-mentor", "I wish I had a different mentor.", true),
    ];

    private static readonly IReadOnlyList<(string Key, string Text, bool IsReversed)> MentorAffectiveItems =
    [
        ("mentor.close", "I feel close to my mentee.", false),
        ("mentor.frustrated", "I often leave our meetings feeling frustrated.", true),
        ("mentor.enjoy", "My mentee and I enjoy the time we spend together.", false),
        ("mentor.hard-to-connect", "I find it hard to connect with my mentee.", true),
        ("mentor.difference", "I can see that I make a difference for my mentee.", false),
        ("mentor.not-wanted", "I sense that my mentee would rather not have a mentor.", true),
        ("mentor.shares", "My mentee tells me about things that matter to them.", false),
        ("mentor.surface", "Our conversations stay on the surface.", true),
        ("mentor.dread", "I sometimes dread our next meeting.", true),
        ("mentor.doubt", "I doubt that our relationship will last.", true),
    ];

    private static readonly IReadOnlyList<(string Key, string Text, bool IsReversed)> MentorLogisticalItems =
    [
        ("mentor.easy-to-plan", "Finding a time to meet is easy for us.", false),
        ("mentor.travel", "Travel or distance makes it hard for us to meet.", true),
        ("mentor.turns-up", "My mentee turns up to our meetings as agreed.", false),
        ("mentor.cancelled", "Our meetings are often cancelled at short notice.", true),
    ];

    /// <summary>Ten items answered by the mentee on how often something is true; four are reversed.</summary>
    public static Questionnaire Youth() => new()
    {
        Key = YouthKey,
        Title = "How is it going with your mentor?",
        Respondent = QuestionnaireRespondent.Mentee,
        ResponseScale = new ResponseScale(
            5, ResponseScaleKind.Frequency, ["Never", "Rarely", "Sometimes", "Often", "Always"]),
        FirstDueAfterDays = 30,
        RepeatEveryDays = 90,
        DueAtClosure = true,
        SortOrder = 1,
        Items = ToItems(YouthScale, YouthItems, 0),
        Scales = [Scale(YouthScale, "Relationship quality", minAnswered: 8, sortOrder: 1)],
    };

    /// <summary>
    /// Fourteen items answered by the mentor on how far they agree: ten on the bond (six reversed), four on
    /// meeting in practice (two reversed).
    /// </summary>
    public static Questionnaire Mentor() => new()
    {
        Key = MentorKey,
        Title = "How is your match going?",
        Respondent = QuestionnaireRespondent.Mentor,
        ResponseScale = new ResponseScale(
            5,
            ResponseScaleKind.Agreement,
            ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]),
        FirstDueAfterDays = 30,
        RepeatEveryDays = 90,
        DueAtClosure = true,
        SortOrder = 2,
        Items =
        [
            .. ToItems(MentorAffectiveScale, MentorAffectiveItems, 0),
            .. ToItems(MentorLogisticalScale, MentorLogisticalItems, MentorAffectiveItems.Count),
        ],
        Scales =
        [
            Scale(MentorAffectiveScale, "Closeness", minAnswered: 8, sortOrder: 1),
            Scale(MentorLogisticalScale, "Meeting in practice", minAnswered: 3, sortOrder: 2),
        ],
    };

    private static List<QuestionnaireItem> ToItems(
        string scaleKey, IReadOnlyList<(string Key, string Text, bool IsReversed)> items, int firstOrder) =>
        items
            .Select((item, index) => new QuestionnaireItem
            {
                Key = item.Key,
                Text = item.Text,
                ScaleKey = scaleKey,
                IsReversed = item.IsReversed,
                SortOrder = firstOrder + index + 1,
            })
            .ToList();

    private static QuestionnaireScale Scale(string key, string name, int minAnswered, int sortOrder) => new()
    {
        Key = key,
        Name = name,
        Scoring = ScaleScoring.Mean,
        MinAnswered = minAnswered,
        Bands =
        [
            new ScoreBand(ConcernBelow, "Concern", IsConcern: true),
            new ScoreBand(4.0, "Fair"),
            new ScoreBand(null, "Strong"),
        ],
        SortOrder = sortOrder,
    };
}
