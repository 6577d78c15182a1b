// Draws the charts of ApexChart.razor with ApexCharts, a global script loaded here on the first
// chart. The component sends a few plain values (ChartConfig.cs); the options are built here.

// Ten activity types need ten colours that tell apart; ApexCharts' default palette has five.
const palette = [
    "#2e6b5e", "#c8553d", "#3a86c8", "#e0a526", "#7b5ea7",
    "#5aa469", "#d46a92", "#4d4d4d", "#8fb9d9", "#a2732d", "#63c5b5", "#b33c3c",
];

let library;

function loadLibrary(url) {
    library ??= new Promise((resolve, reject) => {
        if (window.ApexCharts) {
            resolve();
            return;
        }
        const script = document.createElement("script");
        script.src = url;
        script.onload = () => resolve();
        script.onerror = () => {
            library = undefined;
            reject(new Error(`The chart library did not load from ${url}.`));
        };
        document.head.appendChild(script);
    });
    return library;
}

export async function create(element, config, libraryUrl) {
    await loadLibrary(libraryUrl);
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
            // Bare values, without axes, grid or legend, for a small chart beside a figure.
            sparkline: { enabled: config.sparkline === true },
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
        colors: config.colors?.length ? config.colors : palette,
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
