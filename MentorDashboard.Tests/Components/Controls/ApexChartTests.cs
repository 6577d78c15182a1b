using Bunit;
using MentorDashboard.Components.Controls;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Components.Controls;

public sealed class ApexChartTests : MudTestContext
{
    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        _module = JSInterop.SetupModule("./Components/Controls/ApexChart.razor.js");
    }

    [Fact]
    public void First_render_creates_chart_with_categories_and_series()
    {
        RenderChart(["Jan", "Feb"], [new ChartSeries("Meetings", [3, 5])]);

        var create = Assert.Single(_module.Invocations["create"]);
        var config = Assert.IsType<ChartConfig>(create.Arguments[1]);
        Assert.Equal("column", config.Type);
        Assert.Equal(["Jan", "Feb"], config.Categories);
        Assert.Equal([new ChartSeries("Meetings", [3, 5])], config.Series);
    }

    [Fact]
    public void Labels_reach_the_chart_library_without_angle_brackets_so_they_cannot_become_markup()
    {
        RenderChart(["<img src=x>", "Food & cooking"], [new ChartSeries("<b>Walk</b>", [3, 5])]);

        var config = Assert.IsType<ChartConfig>(Assert.Single(_module.Invocations["create"]).Arguments[1]);
        Assert.Equal(["‹img src=x›", "Food & cooking"], config.Categories);
        Assert.Equal("‹b›Walk‹/b›", Assert.Single(config.Series).Name);
    }

    [Fact]
    public void Changing_series_updates_chart_in_place()
    {
        var chart = RenderChart(["Jan", "Feb"], [new ChartSeries("Meetings", [3, 5])]);

        chart.Render(p => p.Add(c => c.Series, [new ChartSeries("Meetings", [3, 6])]));

        var update = Assert.Single(_module.Invocations["update"]);
        var config = Assert.IsType<ChartConfig>(update.Arguments[1]);
        Assert.Equal([new ChartSeries("Meetings", [3, 6])], config.Series);
        Assert.Single(_module.Invocations["create"]);
        Assert.Empty(_module.Invocations["destroy"]);
    }

    [Fact]
    public void Rendering_again_with_equal_values_makes_no_js_call()
    {
        var chart = RenderChart(["Jan", "Feb"], [new ChartSeries("Meetings", [3, 5])]);
        var callsAfterFirstRender = JSInterop.Invocations.Count;

        var sameSeries = new ChartSeries("Meetings", new List<double> { 3, 5 });
        chart.Render(p => p
            .Add(c => c.Categories, new List<string> { "Jan", "Feb" })
            .Add(c => c.Series, new List<ChartSeries> { sameSeries }));

        Assert.Equal(callsAfterFirstRender, JSInterop.Invocations.Count);
    }

    [Fact]
    public void Changing_a_list_in_place_is_seen_as_a_change()
    {
        var categories = new List<string> { "Jan" };
        var chart = RenderChart(categories, [new ChartSeries("Meetings", [3])]);

        categories.Add("Feb");
        chart.Render(p => p.Add(c => c.Categories, categories));

        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Equal(["Jan", "Feb"], Assert.IsType<ChartConfig>(update.Arguments[1]).Categories);
    }

    [Fact]
    public void Changing_type_replaces_the_chart()
    {
        var chart = RenderChart(["Jan"], [new ChartSeries("Meetings", [3])]);

        chart.Render(p => p.Add(c => c.Type, ChartKind.Donut));

        Assert.Single(_module.Invocations["destroy"]);
        Assert.Equal(2, _module.Invocations["create"].Count);
        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public void Sparkline_is_drawn_bare_and_switching_it_off_replaces_the_chart()
    {
        var chart = Render<ApexChart>(p => p
            .Add(c => c.AriaLabel, "Meetings per month")
            .Add(c => c.Categories, ["Jan", "Feb"])
            .Add(c => c.Series, [new ChartSeries("Meetings", [3, 5])])
            .Add(c => c.Sparkline, true));

        Assert.True(Assert.IsType<ChartConfig>(Assert.Single(_module.Invocations["create"]).Arguments[1]).Sparkline);

        chart.Render(p => p.Add(c => c.Sparkline, false));

        Assert.Single(_module.Invocations["destroy"]);
        Assert.False(Assert.IsType<ChartConfig>(_module.Invocations["create"][1].Arguments[1]).Sparkline);
    }

    [Fact]
    public void Empty_data_creates_an_empty_chart()
    {
        Render<ApexChart>(p => p.Add(c => c.AriaLabel, "No meetings yet"));

        var create = Assert.Single(_module.Invocations["create"]);
        var config = Assert.IsType<ChartConfig>(create.Arguments[1]);
        Assert.Empty(config.Categories);
        Assert.Empty(config.Series);
    }

    [Fact]
    public void Container_is_an_image_named_for_screen_readers()
    {
        var chart = RenderChart(["Jan"], [new ChartSeries("Meetings", [3])]);

        var container = chart.Find(".apex-chart");
        Assert.Equal("img", container.GetAttribute("role"));
        Assert.Equal("Meetings per month", container.GetAttribute("aria-label"));
        Assert.Equal("min-height: 260px", container.GetAttribute("style"));
    }

    [Fact]
    public async Task Disposing_destroys_the_chart()
    {
        RenderChart(["Jan"], [new ChartSeries("Meetings", [3])]);

        await DisposeComponentsAsync();

        Assert.Single(_module.Invocations["destroy"]);
    }

    private IRenderedComponent<ApexChart> RenderChart(
        IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series) =>
        Render<ApexChart>(p => p
            .Add(c => c.AriaLabel, "Meetings per month")
            .Add(c => c.Categories, categories)
            .Add(c => c.Series, series));
}
