using MentorDashboard.Data;
using static MentorDashboard.Features.Demo.DemoFramework;

namespace MentorDashboard.Features.Demo;

/// <summary>What makes a demo programme look like itself: people, match lengths, meetings.</summary>
internal sealed record DemoProgrammeProfile(
    string Name,
    string Description,
    ProgrammeKind Kind,
    double MedianMatchMonths,
    int ActiveMatches,
    int ClosedMatches,
    IReadOnlyList<DemoNameGroup> MenteeNames,
    IReadOnlyList<(string Key, int Weight)> Activities,
    IReadOnlyList<(string Key, int Weight)> Topics,
    (string Email, string DisplayName) Coordinator,
    string MentorAccount,
    string? MenteeAccount);

internal static class DemoProgrammes
{
    public const string SuccessfulClosure = "Successful match closure";

    // Median lengths of closed matches and the three-to-one ratio of closed to active matches
    // follow a large youth-mentoring roster: community ~17 months, school-based ~10, online ~24.
    public static IReadOnlyList<DemoProgrammeProfile> All { get; } =
    [
        new(
            "Welcome Neighbours",
            "Local volunteers walk alongside refugees through their first year in the city.",
            ProgrammeKind.Community,
            MedianMatchMonths: 17,
            ActiveMatches: 42,
            ClosedMatches: 126,
            DemoNames.Newcomers,
            Activities:
            [
                (ActivityAdmin, 20), (ActivityCoffee, 18), (ActivityWalk, 15),
                (ActivityCulture, 9), (ActivityLibrary, 8), (ActivityJobSearch, 7),
                (ActivitySport, 6), (ActivityOnlineCall, 5), (ActivityHomework, 3),
                (ActivityOther, 5),
            ],
            Topics:
            [
                (TopicLanguage, 18), (TopicLegalPapers, 16), (TopicHousing, 15),
                (TopicNeighbourhood, 10), (TopicWork, 8), (TopicHealth, 8), (TopicFamily, 8),
                (TopicWellbeing, 7), (TopicLeisure, 7), (TopicFuture, 6), (TopicDigital, 5),
                (TopicStudies, 4),
            ],
            Coordinator: (DemoAccounts.CityCoordinator, "Núria Castells"),
            DemoAccounts.CityMentor,
            DemoAccounts.CityMentee),
        new(
            "Study Buddies Eastbank",
            "University students meet secondary-school pupils weekly for homework and what comes next.",
            ProgrammeKind.SchoolBased,
            MedianMatchMonths: 10,
            ActiveMatches: 38,
            ClosedMatches: 114,
            DemoNames.Pupils,
            Activities:
            [
                (ActivityHomework, 35), (ActivityLibrary, 14), (ActivitySport, 10),
                (ActivityOnlineCall, 8), (ActivityCulture, 8), (ActivityWalk, 7),
                (ActivityCoffee, 6), (ActivityOther, 10),
            ],
            Topics:
            [
                (TopicStudies, 30), (TopicFuture, 12), (TopicLeisure, 12), (TopicWellbeing, 10),
                (TopicFamily, 8), (TopicDigital, 8), (TopicLanguage, 8), (TopicNeighbourhood, 4),
                (TopicHealth, 3), (TopicWork, 3),
            ],
            Coordinator: (DemoAccounts.SchoolCoordinator, "Marc Albareda"),
            DemoAccounts.SchoolMentor,
            MenteeAccount: null),
        new(
            "Next Step Online",
            "Working professionals mentor young jobseekers, mostly by video call.",
            ProgrammeKind.Online,
            MedianMatchMonths: 24,
            ActiveMatches: 40,
            ClosedMatches: 120,
            DemoNames.Jobseekers,
            Activities:
            [
                (ActivityOnlineCall, 45), (ActivityJobSearch, 25), (ActivityCoffee, 8),
                (ActivityAdmin, 5), (ActivityLibrary, 4), (ActivityWalk, 3), (ActivityOther, 10),
            ],
            Topics:
            [
                (TopicWork, 35), (TopicFuture, 18), (TopicDigital, 12), (TopicStudies, 10),
                (TopicWellbeing, 10), (TopicLanguage, 4), (TopicLeisure, 4), (TopicLegalPapers, 3),
                (TopicFamily, 3), (TopicHousing, 3),
            ],
            Coordinator: (DemoAccounts.JobsCoordinator, "Sofia Lindqvist"),
            DemoAccounts.JobsMentor,
            MenteeAccount: null),
    ];

    /// <summary>Closure reasons, most common first, with their share in percent.</summary>
    public static IReadOnlyList<(string Reason, int Weight)> ClosureReasons { get; } =
    [
        ("Mentor: lack of time", 28),
        ("Mentee: changed school", 19),
        ("Mentor: moved away", 15),
        ("Mentee: lost interest", 12),
        (SuccessfulClosure, 10),
        ("Family decision", 8),
        ("Lost contact", 8),
    ];
}
