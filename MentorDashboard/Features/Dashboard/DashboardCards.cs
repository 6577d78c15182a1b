using MentorDashboard.Data;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Dashboard;

/// <summary>How much room a card takes on a wide screen.</summary>
public enum CardWidth
{
    /// <summary>The whole row.</summary>
    Full,

    /// <summary>Half a row.</summary>
    Half,

    /// <summary>A third of a row.</summary>
    Third,
}

/// <summary>A data card a programme's dashboard can show; a fixed card's title is English and its localisation
/// key, a scale card's title is the questionnaire's and the scale's names.</summary>
public sealed record CardDefinition(string Key, string Title, CardWidth Width)
{
    public const string ScalePrefix = "scale:";

    /// <summary>For a scale card, the questionnaire and scale keys it shows.</summary>
    public (string QuestionnaireKey, string ScaleKey)? Scale =>
        Key.StartsWith(ScalePrefix, StringComparison.Ordinal) && Key[ScalePrefix.Length..].Split('/') is [var q, var s]
            ? (q, s)
            : null;

    public static string ScaleKeyOf(string questionnaireKey, string scaleKey) =>
        $"{ScalePrefix}{questionnaireKey}/{scaleKey}";
}

/// <summary>One card of a programme's chosen dashboard layout, at its position.</summary>
public sealed class ProgrammeDashboardCard
{
    public int ProgrammeId { get; set; }

    public required string CardKey { get; set; }

    public int Position { get; set; }
}

internal sealed class ProgrammeDashboardCardConfiguration : IEntityTypeConfiguration<ProgrammeDashboardCard>
{
    public void Configure(EntityTypeBuilder<ProgrammeDashboardCard> builder)
    {
        builder.HasKey(c => new { c.ProgrammeId, c.CardKey });
        builder.Property(c => c.CardKey).HasMaxLength(200);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Which data cards exist and which a programme shows, in its order. A programme that never chose shows every
/// card in the catalogue's order.
/// </summary>
public sealed partial class DashboardCards(
    IDbContextFactory<AppDbContext> dbFactory,
    IProgrammeEvents events,
    TimeProvider time,
    ILogger<DashboardCards> logger)
{
    public const string Headline = "headline";
    public const string MeetingsPerWeek = "meetings-per-week";
    public const string Topics = "topics";
    public const string ActivityTypes = "activity-types";
    public const string NeedAttention = "need-attention";
    public const string LatestPosts = "latest-posts";
    public const string QuestionnairesDue = "questionnaires-due";
    public const string SupportContacts = "support-contacts";
    public const string MatchLengths = "match-lengths";
    public const string ClosureReasons = "closure-reasons";

    /// <summary>The cards every programme has; each questionnaire scale adds a card of its own.</summary>
    public static IReadOnlyList<CardDefinition> FixedCards { get; } =
    [
        new(Headline, "Headline figures", CardWidth.Full),
        new(MeetingsPerWeek, "Meetings per week", CardWidth.Third),
        new(Topics, "Topics talked about most", CardWidth.Third),
        new(ActivityTypes, "What pairs do together", CardWidth.Third),
        new(NeedAttention, "Matches that need attention", CardWidth.Half),
        new(LatestPosts, "Latest posts", CardWidth.Half),
        new(QuestionnairesDue, "Questionnaires due", CardWidth.Third),
        new(SupportContacts, "Support contacts", CardWidth.Half),
        new(MatchLengths, "How long matches last", CardWidth.Half),
        new(ClosureReasons, "Why matches closed", CardWidth.Half),
    ];

    /// <summary>Every card the programme could show: the fixed ones, then one per questionnaire scale.</summary>
    public async Task<IReadOnlyList<CardDefinition>> ReadCatalogueAsync(
        int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadCatalogueAsync(db, programmeId, cancellationToken);
    }

    internal static async Task<IReadOnlyList<CardDefinition>> ReadCatalogueAsync(
        AppDbContext db, int programmeId, CancellationToken cancellationToken)
    {
        var networkId = await db.Programmes
            .Where(p => p.Id == programmeId)
            .Select(p => p.NetworkId)
            .SingleAsync(cancellationToken);
        var scales = await db.Set<QuestionnaireScale>()
            .Join(db.Set<Questionnaire>(), s => s.QuestionnaireId, q => q.Id, (s, q) => new { s, q })
            .Where(x => x.q.NetworkId == networkId && !x.q.IsRetired)
            .OrderBy(x => x.q.SortOrder)
            .ThenBy(x => x.s.SortOrder)
            .Select(x => new { QuestionnaireKey = x.q.Key, x.q.Title, x.s.Key, x.s.Name })
            .ToListAsync(cancellationToken);

        return
        [
            .. FixedCards,
            .. scales.Select(s => new CardDefinition(
                CardDefinition.ScaleKeyOf(s.QuestionnaireKey, s.Key), $"{s.Title}: {s.Name}", CardWidth.Third)),
        ];
    }

    /// <summary>The cards the programme shows, in order.</summary>
    public async Task<IReadOnlyList<CardDefinition>> GetLayoutAsync(
        int programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetLayoutAsync(db, programmeId, cancellationToken);
    }

    internal static async Task<IReadOnlyList<CardDefinition>> GetLayoutAsync(
        AppDbContext db, int programmeId, CancellationToken cancellationToken)
    {
        var catalogue = await ReadCatalogueAsync(db, programmeId, cancellationToken);
        var chosen = await db.Set<ProgrammeDashboardCard>()
            .Where(c => c.ProgrammeId == programmeId)
            .OrderBy(c => c.Position)
            .Select(c => c.CardKey)
            .ToListAsync(cancellationToken);
        if (chosen.Count == 0)
        {
            return catalogue;
        }

        // A card that no longer exists (a retired questionnaire's) is skipped rather than failing the dashboard.
        return chosen
            .Select(key => catalogue.FirstOrDefault(card => card.Key == key))
            .OfType<CardDefinition>()
            .ToList();
    }

    /// <summary>
    /// Stores the programme's choice and tells its open dashboards. Refuses, changing nothing, an empty choice,
    /// an unknown card or a card chosen twice; the message says which.
    /// </summary>
    public async Task<string?> SaveLayoutAsync(
        int programmeId, IReadOnlyList<string> cardKeys, CancellationToken cancellationToken = default)
    {
        if (cardKeys.Count == 0)
        {
            return "Choose at least one card.";
        }

        var catalogue = await ReadCatalogueAsync(programmeId, cancellationToken);
        if (cardKeys.FirstOrDefault(key => catalogue.All(card => card.Key != key)) is { } unknown)
        {
            return $"There is no card '{unknown}'.";
        }

        if (cardKeys.Distinct(StringComparer.Ordinal).Count() != cardKeys.Count)
        {
            return "A card can be shown only once.";
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<ProgrammeDashboardCard>()
                .Where(c => c.ProgrammeId == programmeId)
                .ExecuteDeleteAsync(cancellationToken);
            db.Set<ProgrammeDashboardCard>().AddRange(cardKeys.Select((key, position) =>
                new ProgrammeDashboardCard { ProgrammeId = programmeId, CardKey = key, Position = position }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogLayoutSaved(logger, programmeId, cardKeys.Count);
        await events.PublishAsync(new ProgrammeEvent(
            programmeId, ProgrammeEventKind.DashboardLayoutChanged, time.GetUtcNow().UtcDateTime), cancellationToken);
        return null;
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "Dashboard layout of programme {ProgrammeId} saved with {Cards} cards")]
    private static partial void LogLayoutSaved(ILogger logger, int programmeId, int cards);
}
