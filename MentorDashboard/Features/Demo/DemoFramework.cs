namespace MentorDashboard.Features.Demo;

/// <summary>
/// The framework the demo network shares across its programmes: topics and activity types, each
/// known everywhere by a stable key that posts, data cards and tests refer to.
/// </summary>
public static class DemoFramework
{
    public const string TopicHousing = "topic.housing";

    public const string TopicLanguage = "topic.language";

    public const string TopicStudies = "topic.studies";

    public const string TopicWork = "topic.work";

    public const string TopicHealth = "topic.health";

    public const string TopicLegalPapers = "topic.legal-papers";

    public const string TopicFamily = "topic.family";

    public const string TopicLeisure = "topic.leisure";

    public const string TopicDigital = "topic.digital";

    public const string TopicWellbeing = "topic.wellbeing";

    public const string TopicNeighbourhood = "topic.neighbourhood";

    public const string TopicFuture = "topic.future";

    public const string ActivityWalk = "activity.walk";

    public const string ActivityCoffee = "activity.coffee";

    public const string ActivityCulture = "activity.culture";

    public const string ActivitySport = "activity.sport";

    public const string ActivityHomework = "activity.homework";

    public const string ActivityJobSearch = "activity.job-search";

    public const string ActivityAdmin = "activity.admin";

    public const string ActivityOnlineCall = "activity.online-call";

    public const string ActivityLibrary = "activity.library";

    public const string ActivityOther = "activity.other";

    /// <summary>The topics in the order the framework lists them.</summary>
    public static IReadOnlyList<(string Key, string Label)> Topics { get; } =
    [
        (TopicHousing, "Housing"),
        (TopicLanguage, "Language learning"),
        (TopicStudies, "Studies"),
        (TopicWork, "Work and job search"),
        (TopicHealth, "Health"),
        (TopicLegalPapers, "Legal papers"),
        (TopicFamily, "Family"),
        (TopicLeisure, "Leisure and culture"),
        (TopicDigital, "Digital skills"),
        (TopicWellbeing, "Wellbeing"),
        (TopicNeighbourhood, "Neighbourhood"),
        (TopicFuture, "Future plans"),
    ];

    /// <summary>The activity types in the order the framework lists them.</summary>
    public static IReadOnlyList<(string Key, string Label)> ActivityTypes { get; } =
    [
        (ActivityWalk, "Walk"),
        (ActivityCoffee, "Coffee or meal"),
        (ActivityCulture, "Cultural visit"),
        (ActivitySport, "Sport"),
        (ActivityHomework, "Homework help"),
        (ActivityJobSearch, "Job search session"),
        (ActivityAdmin, "Administrative procedure"),
        (ActivityOnlineCall, "Online call"),
        (ActivityLibrary, "Library"),
        (ActivityOther, "Other"),
    ];
}
