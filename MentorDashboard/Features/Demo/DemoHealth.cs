using MentorDashboard.Data;

namespace MentorDashboard.Features.Demo;

/// <summary>
/// Shapes a few of the demo's regular matches so the health rules have each common case to show: most matches
/// on track, two per programme slipping (no meeting for 15 to 20 days: needs a check-in), one per programme
/// whose last two meetings went badly (at risk), beside the stopped ones the network builder makes.
/// </summary>
/// <remarks>
/// It only removes or re-rates posts of matches it picks with a generator of its own, so every other draw of the
/// demo stays as it was. Support contacts, which the rules also check, come with the support contacts' own demo
/// data.
/// </remarks>
internal static class DemoHealth
{
    private const int SlippingMatchesPerProgramme = 2;

    private const int RoughPatchesPerProgramme = 1;

    private const int SlippingFromDays = 15;

    private const int SlippingToDays = 20;

    public static DemoNetwork Shape(DemoNetwork demo, int seed, DateOnly today)
    {
        var random = new Random(seed);
        var postsOf = demo.Posts.ToLookup(post => post.Match);
        var removed = new HashSet<Post>();
        foreach (var programme in demo.Network.Programmes)
        {
            // Regular matches only: not stopped, not the demo accounts' own, and not new.
            var regular = demo.Matches
                .Where(m => m.Programme == programme && m.Status == MatchStatus.Active)
                .Where(m => !demo.StoppedMatches.Contains(m) && !m.Mentor.IsDemo)
                .Where(m => m.StartDate < today.AddDays(-90))
                .ToArray();
            random.Shuffle(regular);

            var slipping = regular
                .Where(m => CanSlip(postsOf[m], today))
                .Take(SlippingMatchesPerProgramme)
                .ToList();
            foreach (var match in slipping)
            {
                removed.UnionWith(postsOf[match].Where(p => p.Date > today.AddDays(-SlippingFromDays)));
            }

            foreach (var match in regular.Except(slipping).Take(RoughPatchesPerProgramme))
            {
                var lastTwo = postsOf[match].OrderByDescending(p => p.Date).Take(2).ToList();
                foreach (var (post, rating) in lastTwo.Zip([1, 2]))
                {
                    post.Rating = rating;
                    post.Text = DemoStories.Compose(random, post.ActivityTypeKey, post.Topics[0].TopicKey, rating);
                }
            }
        }

        return demo with { Posts = demo.Posts.Where(post => !removed.Contains(post)).ToList() };
    }

    /// <summary>Without its posts of the last 15 days, the match last met 15 to 20 days ago.</summary>
    private static bool CanSlip(IEnumerable<Post> posts, DateOnly today)
    {
        var kept = posts
            .Where(p => p.Date <= today.AddDays(-SlippingFromDays))
            .Select(p => (DateOnly?)p.Date)
            .Max();
        return kept >= today.AddDays(-SlippingToDays);
    }
}
