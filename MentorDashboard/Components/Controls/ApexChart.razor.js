// Draws the charts of ApexChart.razor with ApexCharts, which App.razor loads as a global
// script. The component sends a few plain values (ChartConfig.cs); the options are built here.

export async function create(element, config) {
    const chart = new ApexCharts(element, options(config));
    await chart.render();
    return chart;
}

// One call, so the chart redraws once. Type, height and colours stay as created: the component
// creates a new chart when those change.
export async function update(chart, config) {
    await chart.updateOptions(data(config));
}

export function destroy(chart) {
    chart.destroy();
}

function options(config) {
    return {
        chart: {
            type: config.type === "column" ? "bar" : config.type,
            height: config.height,
            width: "100%",
            fontFamily: "inherit",
            toolbar: { show: false },
            zoom: { enabled: false },
            // Short, and no bar-by-bar stagger, so updates on a live dashboard do not flicker.
            animations: {
                speed: 300,
                animateGradually: { enabled: false },
                dynamicAnimation: { speed: 200 },
            },
            // The container carries role="img" and the aria-label. ApexCharts' own label, live
            // region and keyboard navigation would nest a second, interactive element in it.
            accessibility: { enabled: false },
        },
        plotOptions: { bar: { horizontal: config.type === "bar" } },
        // Numbers on every bar or point crowd a phone screen; the tooltip shows them.
        dataLabels: { enabled: config.type === "donut" },
        legend: { position: "bottom" },
        ...(config.colors?.length ? { colors: config.colors } : {}),
        ...data(config),
    };
}

// A donut takes its slice labels and one list of numbers; the other types take named series.
function data(config) {
    if (config.type === "donut") {
        return { labels: config.categories, series: config.series[0]?.data ?? [] };
    }
    return {
        xaxis: { categories: config.categories },
        series: config.series.map(s => ({ name: s.name, data: s.data })),
    };
}
