using AngleSharp.Html.Parser;
using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace MentorDashboard.Tests.Features.Accounts;

/// <summary>
/// The app with e-mail going to a loopback SMTP server, for the account flows that send a link. Dispose it to stop
/// both.
/// </summary>
public sealed class AccountScenario : IAsyncDisposable
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(20);

    private AccountScenario(AppFactory app, LoopbackSmtpServer smtp)
    {
        App = app;
        Smtp = smtp;
    }

    public AppFactory App { get; }

    public LoopbackSmtpServer Smtp { get; }

    public static async Task<AccountScenario> StartAsync(
        TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var smtp = await LoopbackSmtpServer.StartAsync();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:FromAddress"] = "noreply@mentors.test",
        };
        return new AccountScenario(await AppFactory.CreateAsync(settings: all, time: time), smtp);
    }

    /// <summary>Waits for the <paramref name="count"/>th e-mail and returns the path and query of its link.</summary>
    public async Task<string> LinkInMailAsync(int count = 1)
    {
        var messages = await Smtp.WaitForMessagesAsync(count, MailTimeout);
        return LinkIn(messages[count - 1]);
    }

    public static string LinkIn(MimeMessage message)
    {
        var link = (message.TextBody ?? "").Split('\n').Select(line => line.Trim())
            .Single(line => line.StartsWith("http", StringComparison.Ordinal));
        return new Uri(link).PathAndQuery;
    }

    /// <summary>The audit entries of one kind, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditAsync(AuditKind kind)
    {
        await using var db = await App.Database.OpenAsync();
        return await db.Set<AuditEntry>().Where(a => a.Kind == kind).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The text of the element with the id on the page, or null when there is none.</summary>
    public static string? TextOf(string html, string id) =>
        new HtmlParser().ParseDocument(html).GetElementById(id)?.TextContent.Trim();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
