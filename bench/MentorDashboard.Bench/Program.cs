using System.Diagnostics;
using System.Runtime.InteropServices;
using MentorDashboard.Bench;
using MentorDashboard.Features.Import;
using Microsoft.EntityFrameworkCore;

// Fills a temporary copy of the app's database with two years of a made-up network, then measures
// the dashboard's read and the time from a saved post to its live event. With --import, measures
// instead how long a CRM's roster and contact log take to import. See docs/benchmarks.md.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop at the next await instead of at once, so the temporary database is still deleted.
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    await (options.Import ? RunImportAsync(options, cancellation.Token) : RunAsync(options, cancellation.Token));
    return 0;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled; the temporary database was deleted.");
    return 130;
}

static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
{
    await using var app = await BenchApp.StartAsync(cancellationToken);
    await PrintMachineAsync(app, "MentorDashboard benchmark", cancellationToken);

    var filling = Stopwatch.StartNew();
    var (network, history, contacts) = await FillAsync(app, options, cancellationToken);
    var measured = network.Measured;
    Print($"fill: {network.Programmes.Count} programmes, {network.Matches:N0} matches, ",
        $"{network.People:N0} people, {history.Posts:N0} posts with ",
        $"{history.PostTopics:N0} post topics, {contacts:N0} support contacts in ",
        $"{filling.Elapsed.TotalSeconds:0.0} s; database file {app.DatabaseBytes() / 1e6:0.0} MB");
    if (options.ClosedMatches > 0)
    {
        Print($"imported: {options.ClosedMatches:N0} closed matches without posts in the measured programme");
    }

    Print($"measured programme: {measured.Shape.Name}, ",
        $"{measured.Matches.Count(m => m.Active)} active matches, ",
        $"{history.MeasuredPosts:N0} posts, ",
        $"{history.MeasuredPostsThisMonth:N0} of them this month");
    await CheckFillAsync(app, measured.Id, history, cancellationToken);

    var dashboard = new DashboardBenchmark(app, measured.Id, options);
    Print($"dashboard LoadAsync over {history.Posts:N0} posts ({options.Runs} runs after ",
        $"{options.Warmups} warm-ups): {await dashboard.LoadAsync(cancellationToken)}");
    foreach (var card in await dashboard.CardsAsync(cancellationToken))
    {
        Print($"  {card.Card + ":",-28}{card.Timings}");
    }

    var data = await app.Dashboard.LoadAsync(measured.Id, cancellationToken);
    var topTopic = data.Topics.Count > 0 ? data.Topics[0].Item.Key : "none";
    Print($"  the dashboard shows {data.Headline.MeetingsThisMonth:N0} meetings this month, ",
        $"{data.NeedAttention.Count} matches needing attention, top topic {topTopic}, ",
        $"{data.MatchLengths.ClosedMatches:N0} closed matches, ",
        $"{data.ClosureReasons.Sum(r => r.Matches):N0} of them in the last year");

    var saving = await new SaveToEventBenchmark(app, measured)
        .RunAsync(options.Warmups, options.Saves, cancellationToken);
    Print($"post save to hub event, {options.Saves:N0} posts one after another (after ",
        $"{options.Warmups} warm-ups): {saving.EventLatency}");
    Print($"  PostService.CreateAsync call: {saving.CreateCall}");
    Print($"  {saving.EventsBeforeReturn:N0} of {options.Saves:N0} events were handled before ",
        $"CreateAsync returned (it publishes, then reads the saved post back)");
}

static async Task RunImportAsync(BenchOptions options, CancellationToken cancellationToken)
{
    await using var app = await BenchApp.StartAsync(cancellationToken);
    await PrintMachineAsync(app, "MentorDashboard import benchmark", cancellationToken);
    var folder = Directory.CreateTempSubdirectory("md-bench-import-");
    try
    {
        var writing = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(app.Time.GetLocalNow().DateTime);
        var files = await ImportFiles.WriteAsync(
            folder.FullName, options.Matches, options.Contacts, today, new Random(20261206), cancellationToken);
        Print($"files: a roster of {options.Matches:N0} matches ({files.RosterBytes / 1e6:0.0} MB) and a ",
            $"contact log of {options.Contacts:N0} contacts ({files.ContactLogBytes / 1e6:0.0} MB), written in ",
            $"{writing.Elapsed.TotalSeconds:0.0} s");

        var import = await ImportBenchmark.PrepareAsync(app, cancellationToken);
        foreach (var (kind, path) in new[]
            { (ImportKind.Roster, files.RosterPath), (ImportKind.ContactLog, files.ContactLogPath) })
        {
            foreach (var step in await import.RunAsync(path, kind, cancellationToken))
            {
                var effect = step.Outcome is { } outcome
                    ? FormattableString.Invariant(
                        $" ({outcome.Created:N0} new, {outcome.Updated:N0} changed, {outcome.Unchanged:N0} unchanged)")
                    : "";
                var file = kind == ImportKind.Roster ? "roster" : "contact log";
                Print($"{file + " " + step.Name + ":",-25} {step.Rows:N0} rows{effect} in ",
                    $"{step.Elapsed.TotalSeconds:0.00} s, {step.RowsPerSecond:N0} rows/s; ",
                    $"peak working set so far {step.PeakBytes / 1e6:0} MB");
            }
        }

        Print($"database file {app.DatabaseBytes() / 1e6:0.0} MB");
    }
    finally
    {
        folder.Delete(recursive: true);
    }
}

static async Task PrintMachineAsync(BenchApp app, string title, CancellationToken cancellationToken)
{
    var sqlite = await app.SqliteVersionAsync(cancellationToken);
    Print($"{title}, {app.Time.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
    Print($"machine: {Environment.ProcessorCount} processors, ",
        $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, ",
        $"SQLite {sqlite}");
#if DEBUG
    Print($"warning: a Debug build; run with -c Release for figures worth quoting");
#endif
}

static async Task<(SampleNetworkResult, PostHistoryResult, int)> FillAsync(
    BenchApp app, BenchOptions options, CancellationToken cancellationToken)
{
    // A fixed seed, so every run measures the same shape of data.
    var random = new Random(20261204);
    var now = app.Time.GetLocalNow();
    await using var db = await app.DbFactory.CreateDbContextAsync(cancellationToken);
    var today = DateOnly.FromDateTime(now.DateTime);
    var network = await SampleNetwork.AddAsync(db, today, random, cancellationToken);
    var history = await PostHistory.WriteAsync(db, network, options.Posts, now, random, cancellationToken);

    // A generator of their own, so adding contacts left the posts' draws as they were.
    var contacts = await SupportContactHistory.WriteAsync(
        db, network, today, new Random(20261205), cancellationToken);
    if (options.ClosedMatches > 0)
    {
        await ImportedClosures.AddAsync(
            db, network.Measured, options.ClosedMatches, today, new Random(20261206), cancellationToken);
    }

    return (network, history, contacts);
}

// The history bypasses EF Core, so make sure EF Core reads its dates and submission ids back.
static async Task CheckFillAsync(
    BenchApp app, int programmeId, PostHistoryResult history, CancellationToken cancellationToken)
{
    var headline = (await app.Dashboard.LoadAsync(programmeId, cancellationToken)).Headline;
    await using var db = await app.DbFactory.CreateDbContextAsync(cancellationToken);
    var found = await db.Posts
        .CountAsync(p => p.SubmissionId == history.SampleSubmissionId, cancellationToken);
    if (headline.MeetingsThisMonth != history.MeasuredPostsThisMonth || found != 1)
    {
        throw new InvalidOperationException(
            "EF Core reads the written history differently; see the formats in PostHistory.");
    }
}

// One line from parts, with numbers and dates formatted the same on every machine.
static void Print(params FormattableString[] parts) =>
    Console.WriteLine(string.Concat(parts.Select(FormattableString.Invariant)));
