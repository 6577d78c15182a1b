using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MentorDashboard.Components.Controls;

/// <summary>
/// A chart drawn in the browser by ApexCharts. It is created once and then updated in place when
/// its values change, so a live dashboard does not flicker. Empty data draws an empty chart; what
/// to show instead is the caller's choice.
/// </summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    private const string ModulePath = "./Components/Controls/ApexChart.razor.js";

    // Restored from npm by the build. Loaded on the first chart only, so the sign-in page and a mentor's
    // newsroom on a phone do not download a megabyte of charting code.
    private const string LibraryPath = "lib/apexcharts/apexcharts.min.js";

    private ElementReference _container;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private ChartConfig? _wanted;
    private ChartConfig? _drawn;
    private Task _drawing = Task.CompletedTask;
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>How the values are drawn: columns, horizontal bars, a donut or lines.</summary>
    [Parameter]
    public ChartKind Type { get; set; }

    /// <summary>The labels along the category axis, or of the slices of a donut.</summary>
    [Parameter]
    public IReadOnlyList<string> Categories { get; set; } = [];

    /// <summary>One series per colour, one value per category; a donut draws the first.</summary>
    [Parameter]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>The height in CSS pixels; the width is always that of the container.</summary>
    [Parameter]
    public int Height { get; set; } = 260;

    /// <summary>What screen readers say: what the chart shows, best with its main figures.</summary>
    [Parameter, EditorRequired]
    public string AriaLabel { get; set; } = "";

    /// <summary>CSS colours of the series (a donut's slices); ApexCharts' own when null.</summary>
    [Parameter]
    public IReadOnlyList<string>? Colors { get; set; }

    /// <summary>Draws the values bare, without axes, grid or legend, small enough to sit beside a figure.</summary>
    [Parameter]
    public bool Sparkline { get; set; }

    // Keeps the chart's height before ApexCharts draws, so the page does not jump when the
    // circuit connects.
    private string ContainerStyle =>
        string.Create(CultureInfo.InvariantCulture, $"min-height: {Height}px");

    protected override void OnParametersSet()
    {
        var next = ChartConfig.From(Type, Height, Colors, Categories, Series, Sparkline);

        // Parents render often, mostly with new lists that hold the same values: only a real
        // change is drawn.
        if (_wanted is null || !next.HasSameSetup(_wanted) || !next.HasSameData(_wanted))
        {
            _wanted = next;
        }
    }

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        // A drawing under way picks up the newest values itself when its browser call returns.
        if (!_drawing.IsCompleted || ReferenceEquals(_drawn, _wanted))
        {
            return Task.CompletedTask;
        }

        _drawing = DrawAsync();
        return _drawing;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            await _drawing;
            await DestroyChartAsync();
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page that held the chart with it: nothing to destroy.
        }
    }

    private async Task DrawAsync()
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);

        // The parameters can change while a call is on its way to the browser, so this draws
        // until the newest are shown.
        while (!_disposed && _wanted is not null && !ReferenceEquals(_drawn, _wanted))
        {
            var config = _wanted;
            if (_chart is not null && _drawn is not null && _drawn.HasSameSetup(config))
            {
                await _module.InvokeVoidAsync("update", _chart, config);
            }
            else
            {
                await DestroyChartAsync();
                _chart = await _module.InvokeAsync<IJSObjectReference>(
                    "create", _container, config, Assets[LibraryPath]);
            }

            _drawn = config;
        }
    }

    private async Task DestroyChartAsync()
    {
        if (_chart is null || _module is null)
        {
            return;
        }

        var chart = _chart;
        _chart = null;
        await _module.InvokeVoidAsync("destroy", chart);
        await chart.DisposeAsync();
    }
}
