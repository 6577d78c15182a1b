using static MentorDashboard.Features.Demo.DemoFramework;

namespace MentorDashboard.Features.Demo;

/// <summary>
/// Invented sentence fragments that combine into short post stories: what the pair did, what
/// they talked about, how it went. No fragment names a person, so stories are safe to make public.
/// </summary>
internal static class DemoStories
{
    private static readonly Dictionary<string, string[]> Openings = new(StringComparer.Ordinal)
    {
        [ActivityWalk] = [
            "We walked along the river and back.",
            "We took a long walk through the old town.",
            "We walked to the park and sat by the pond for a while."],
        [ActivityCoffee] = [
            "We met for a coffee near the station.",
            "We had lunch together at a small café.",
            "We shared a meal and talked for a long time."],
        [ActivityCulture] = [
            "We visited the city museum.",
            "We went to a free concert in the square.",
            "We saw a photography exhibition at the cultural centre."],
        [ActivitySport] = [
            "We played table tennis at the community centre.",
            "We went for a swim at the municipal pool.",
            "We kicked a ball around in the park."],
        [ActivityHomework] = [
            "We worked through the maths homework together.",
            "We prepared for next week's exam.",
            "We went over an essay that is due on Friday."],
        [ActivityJobSearch] = [
            "We looked at job adverts and picked three to apply for.",
            "We updated the CV and wrote a cover letter.",
            "We practised answers for a job interview."],
        [ActivityAdmin] = [
            "We went to the town hall to sort out an appointment.",
            "We filled in forms at the social services office.",
            "We queued at the registry office to hand in documents."],
        [ActivityOnlineCall] = [
            "We had a video call this week.",
            "We talked online for an hour.",
            "We had a short call because meeting in person did not work out."],
        [ActivityLibrary] = [
            "We met at the library and sorted out a library card.",
            "We spent the afternoon at the library.",
            "We borrowed some easy-reading books at the library."],
        [ActivityOther] = [
            "We met up in the neighbourhood.",
            "We spent some time together this week.",
            "We tried something a little different this week."],
    };

    private static readonly Dictionary<string, string[]> TopicLines = new(StringComparer.Ordinal)
    {
        [TopicHousing] = [
            "We read flat adverts together and listed questions for the landlord.",
            "We talked about the broken heating and who to call about it."],
        [TopicLanguage] = [
            "We practised ordering and small talk in the local language.",
            "We went through new words, and the pronunciation is getting better."],
        [TopicStudies] = [
            "We talked about which subjects feel hard right now.",
            "We made a study plan for the coming weeks."],
        [TopicWork] = [
            "We talked about what kind of job would fit best.",
            "We went over how to contact employers directly."],
        [TopicHealth] = [
            "We found out how to register at the health centre.",
            "We talked about sleeping better and getting some exercise."],
        [TopicLegalPapers] = [
            "We checked which papers are still missing for the application.",
            "We sorted the official letters into a folder with a list of deadlines."],
        [TopicFamily] = [
            "There was news from the family, and we took time to talk about it.",
            "We talked about how things are going at home."],
        [TopicLeisure] = [
            "We looked up free things to do in the city at the weekend.",
            "We talked about hobbies and found a drawing class nearby."],
        [TopicDigital] = [
            "We set up the banking app on the phone.",
            "We practised booking an appointment on the council's website."],
        [TopicWellbeing] = [
            "We talked about how the last weeks have felt.",
            "It was a calmer week, and that showed."],
        [TopicNeighbourhood] = [
            "We found the nearest community centre and its opening hours.",
            "We talked about the neighbours and the Saturday market."],
        [TopicFuture] = [
            "We talked about plans for next year.",
            "We wrote down a few goals for the coming months."],
    };

    /// <summary>Closing lines by rating, from 1 (badly) to 5 (very well).</summary>
    private static readonly string[][] MoodLines =
    [
        ["It was a difficult meeting and we cut it short.", "Hardly a word today; something is wrong."],
        ["It felt a bit flat today.", "We were both distracted; next time will be better."],
        ["A quiet but useful meeting.", "An ordinary meeting, nothing special."],
        ["It went well.", "Good conversation, we lost track of time."],
        ["A really good afternoon with lots of laughter.", "One of our best meetings so far."],
    ];

    /// <summary>One to three sentences; a low rating always gets a closing line to explain it.</summary>
    public static string Compose(Random random, string activityKey, string topicKey, int rating)
    {
        var sentences = new List<string>(3) { random.Pick(Openings[activityKey]) };
        if (random.NextDouble() < 0.7)
        {
            sentences.Add(random.Pick(TopicLines[topicKey]));
        }

        if (rating <= 2 || random.NextDouble() < 0.5)
        {
            sentences.Add(random.Pick(MoodLines[rating - 1]));
        }

        return string.Join(' ', sentences);
    }
}
