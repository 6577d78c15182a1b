using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Live;
using MentorDashboard.Tests.Support;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>The admin's rule editor: sentences with number fields, switches, add and remove, and validation.</summary>
public sealed class HealthRulesEditorTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private FeatureServices _features = null!;
    private Programme _programme = null!;
    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await data.AddNetworkAsync();
        _programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");

        Services.AddSingleton(_features.HealthRules);
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Programme_without_rules_shows_the_defaults_as_sentences()
    {
        var page = RenderPage();

        Assert.NotNull(page.Find("#rules-default"));
        Assert.Equal(7, page.FindAll(".rule").Count);
        var first = page.Find("[data-rule-index='0']");
        Assert.Equal(
            ["Flag a match with no meeting for", "days as"],
            first.QuerySelectorAll(".rule-sentence > p").Select(p => p.TextContent.Trim()));
        Assert.Equal("15", first.QuerySelector(".rule-days input")!.GetAttribute("value"));
        Assert.Equal(
            ["needs check-in", "at risk"],
            page.FindAll("[data-kind='NoMeetingForDays'] .rule-severity input").Select(i => i.GetAttribute("value")));
        var contacts = page.Find("[data-kind='SupportContactBehind']");
        Assert.Equal("30", contacts.QuerySelector(".rule-days-repeat")!.TextContent.Trim());
    }

    [Fact]
    public async Task Changed_numbers_and_switches_are_saved_and_open_dashboards_are_told()
    {
        var received = new TaskCompletionSource<ProgrammeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _features.Events.Subscribe(_programme.Id, e =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        var page = RenderPage();

        page.Find("[data-rule-index='0'] .rule-days input").Change("10");
        page.Find("[data-rule-index='0'] .rule-severity input").Closest(".mud-input-control")!.MouseDown();
        _popovers.WaitForElement(".mud-popover-open .mud-list-item", WaitTimeout);
        _popovers.FindAll(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == "at risk")
            .Click();
        page.Find("[data-rule-index='2'] .rule-enabled input").Change(false);
        page.Find("#rules-save").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#rules-default")), WaitTimeout);
        var stored = (await _features.HealthRules.GetAsync(_programme.Id))!;
        Assert.False(stored.IsDefault);
        Assert.Equal((10, HealthStatus.AtRisk), (stored.Rules[0].Days!.Value, stored.Rules[0].Severity));
        Assert.False(stored.Rules[2].IsEnabled);
        Assert.Equal(7, stored.Rules.Count);
        Assert.Equal(ProgrammeEventKind.HealthChanged, (await received.Task.WaitAsync(WaitTimeout)).Kind);
    }

    [Fact]
    public async Task Number_out_of_range_is_shown_on_its_rule_and_nothing_is_stored()
    {
        var page = RenderPage();

        page.Find("[data-rule-index='4'] .rule-days input").Change("0");
        page.Find("#rules-save").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Enter a number of days from 1 to 365.",
            page.Find("[data-rule-index='4'] .rule-error").TextContent.Trim()), WaitTimeout);
        Assert.Single(page.FindAll(".rule-error"));
        Assert.True((await _features.HealthRules.GetAsync(_programme.Id))!.IsDefault);
    }

    [Fact]
    public async Task Rules_are_removed_and_added_from_the_menu()
    {
        var page = RenderPage();

        page.Find("[data-rule-index='6'] .rule-remove").Click();
        page.Find("[data-rule-index='5'] .rule-remove").Click();
        page.Find("#rules-add button").Click();
        _popovers.WaitForElement(".mud-popover-open [data-kind='PoorRatingsInARow']", WaitTimeout).Click();
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll(".rule").Count), WaitTimeout);
        page.Find("[data-rule-index='5'] .rule-count input").Change("3");
        page.Find("#rules-save").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#rules-default")), WaitTimeout);
        var stored = (await _features.HealthRules.GetAsync(_programme.Id))!.Rules;
        Assert.Equal(
            [
                HealthRuleKind.NoMeetingForDays, HealthRuleKind.NoMeetingForDays, HealthRuleKind.FewMeetings,
                HealthRuleKind.ConcernScore, HealthRuleKind.QuestionnaireOverdue, HealthRuleKind.PoorRatingsInARow,
            ],
            stored.Select(r => r.Kind));
        Assert.Equal((3, HealthStatus.AtRisk), (stored[5].Count!.Value, stored[5].Severity));
    }

    [Fact]
    public void Removing_every_rule_is_refused_with_a_way_out()
    {
        var page = RenderPage();

        for (var i = 6; i >= 0; i--)
        {
            page.Find($"[data-rule-index='{i}'] .rule-remove").Click();
        }

        page.Find("#rules-save").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Keep at least one rule; switch off the rules you do not want.",
            page.Find("#rules-error").TextContent.Trim()), WaitTimeout);
    }

    private IRenderedComponent<HealthRules> RenderPage()
    {
        _popovers = RenderPopoverProvider();
        Render<MudSnackbarProvider>();
        var page = Render<HealthRules>(parameters => parameters.Add(p => p.ProgrammeId, _programme.Id));
        page.WaitForElement("[data-rule-index='0']", WaitTimeout);
        return page;
    }
}
