using System.Globalization;
using Bunit;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Dashboard.Cards;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Dashboard.Cards;

public sealed class ClosureReasonsCardTests : MudTestContext
{
    [Fact]
    public void Year_without_closures_says_so()
    {
        var card = Render<ClosureReasonsCard>(p => p.Add(c => c.Reasons, []));

        Assert.Equal("No match closed in this period.", card.Find("#closure-reasons-empty").TextContent.Trim());
        Assert.Empty(card.FindAll("#card-closure-reasons tr.closure-reason"));
        Assert.Contains("matches closed: 0", card.Find("#card-closure-reasons").TextContent);
    }

    [Fact]
    public void Reasons_are_listed_in_order_with_count_and_share_and_a_missing_reason_is_named()
    {
        ClosureReasonCount[] reasons = [new("Moved away", 3, 0.6), new(null, 1, 0.2), new("<b>Lost</b>", 1, 0.2)];

        var card = Render<ClosureReasonsCard>(p => p.Add(c => c.Reasons, reasons));

        var rows = card.FindAll("#card-closure-reasons tr.closure-reason");
        Assert.Equal(
            ["Moved away", "No reason recorded", "<b>Lost</b>"],
            rows.Select(r => r.QuerySelector(".reason")!.TextContent.Trim()));
        Assert.Equal(["3", "1", "1"], rows.Select(r => r.QuerySelector(".count")!.TextContent.Trim()));
        Assert.Equal(
            (0.6).ToString("P0", CultureInfo.CurrentCulture),
            rows[0].QuerySelector(".share")!.TextContent.Trim());
        Assert.Contains("Last 12 months · matches closed: 5", card.Find("#card-closure-reasons").TextContent);
        Assert.Empty(card.FindAll("#card-closure-reasons .reason b"));
    }
}
