using System.Globalization;
using Bunit;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Dashboard.Cards;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Dashboard.Cards;

public sealed class MatchLengthsCardTests : MudTestContext
{
    [Fact]
    public void Programme_where_no_match_has_closed_says_so_instead_of_an_empty_chart()
    {
        var card = Render<MatchLengthsCard>(p => p.Add(c => c.Lengths, MatchLengths.Of([], [new(4, 2)])));

        Assert.Equal("No match has closed yet.", card.Find("#lengths-empty").TextContent.Trim());
        Assert.Empty(card.FindAll("#card-match-lengths .apex-chart"));
        Assert.Empty(card.FindAll("#lengths-counted"));
        Assert.Equal("–", card.Find("#lengths-closed-median").TextContent.Trim());
        Assert.Equal("–", card.Find("#lengths-benchmark-share").TextContent.Trim());
        Assert.Equal("4", card.Find("#lengths-active-median").TextContent.Trim());
    }

    [Fact]
    public void Closed_matches_show_as_a_chart_by_length_with_the_medians_and_the_one_year_share()
    {
        var lengths = MatchLengths.Of([new(2, 1), new(13, 2), new(30, 1)], [new(3, 1), new(8, 1)]);

        var card = Render<MatchLengthsCard>(p => p.Add(c => c.Lengths, lengths));

        Assert.Empty(card.FindAll("#lengths-empty"));
        Assert.Equal("13", card.Find("#lengths-closed-median").TextContent.Trim());
        Assert.Equal(
            (5.5).ToString("0.#", CultureInfo.CurrentCulture),
            card.Find("#lengths-active-median").TextContent.Trim());
        Assert.Equal(
            (0.75).ToString("P0", CultureInfo.CurrentCulture),
            card.Find("#lengths-benchmark-share").TextContent.Trim());
        Assert.Equal("Closed matches counted: 4", card.Find("#lengths-counted").TextContent.Trim());
        Assert.Equal(
            "Closed matches by length: under 3 months 1, 3–6 months 0, 6–12 months 0, 12–24 months 2, "
            + "24 months or more 1",
            card.Find("#card-match-lengths .apex-chart").GetAttribute("aria-label"));
    }
}
