using MentorDashboard.Data;

namespace MentorDashboard.Features.Import;

/// <summary>
/// A first mapping for a file the coordinator has not mapped before: columns whose header says what they hold,
/// the date order the file's dates allow, stages by their usual words and closure reasons by label.
/// </summary>
public static class ImportGuess
{
    /// <param name="localizedHeader">Our header of a field in the coordinator's language, so our own exports map
    /// themselves.</param>
    /// <param name="reasonLabels">The programme's closure reasons.</param>
    /// <param name="usualOrder">The date order of the coordinator's language, for files whose dates all read both
    /// ways.</param>
    public static ImportSettings Settings(
        ImportKind kind,
        ImportAnalysis analysis,
        Func<string, string> localizedHeader,
        IReadOnlyList<string> reasonLabels,
        DateOrder usualOrder)
    {
        var settings = new ImportSettings { DateOrder = analysis.DateOrder ?? usualOrder };
        foreach (var field in ImportFields.Of(kind))
        {
            // The most specific name wins, whatever the order of the columns: a file with "Match" (the pair's
            // names) and "Match ID" maps the id from "Match ID".
            var column = field.Aliases
                .Append(field.Header)
                .Append(localizedHeader(field.Header))
                .Select(Normalise)
                .Select(name => analysis.Columns.FirstOrDefault(
                    c => Normalise(c.Header) == name && !settings.Columns.ContainsValue(c.Header)))
                .FirstOrDefault(c => c is not null);
            if (column is not null)
            {
                settings.Columns[field.Field] = column.Header;
            }
        }

        if (kind == ImportKind.Roster)
        {
            GuessValues(settings, analysis, reasonLabels);
        }

        return settings;
    }

    /// <summary>Fills in stages and closure reasons of the mapped columns that the settings do not map yet.
    /// </summary>
    public static void GuessValues(
        ImportSettings settings, ImportAnalysis analysis, IReadOnlyList<string> reasonLabels)
    {
        foreach (var stage in ValuesOf(settings, analysis, ImportField.Stage))
        {
            if (!settings.Stages.ContainsKey(stage) && StatusOf(stage) is { } status)
            {
                settings.Stages[stage] = status;
            }
        }

        foreach (var reason in ValuesOf(settings, analysis, ImportField.ClosureReason))
        {
            if (!settings.ClosureReasons.ContainsKey(reason))
            {
                settings.ClosureReasons[reason] =
                    reasonLabels.FirstOrDefault(l => string.Equals(l, reason, StringComparison.OrdinalIgnoreCase))
                    ?? reason;
            }
        }
    }

    /// <summary>The distinct values of the column mapped to <paramref name="field"/>, most frequent first.</summary>
    public static IReadOnlyList<string> ValuesOf(ImportSettings settings, ImportAnalysis analysis, ImportField field)
    {
        if (!settings.Columns.TryGetValue(field, out var header))
        {
            return [];
        }

        var column = analysis.Columns.FirstOrDefault(
            c => string.Equals(c.Header, header, StringComparison.OrdinalIgnoreCase));
        return column?.Values.OrderByDescending(v => v.Value).Select(v => v.Key).ToList() ?? [];
    }

    // "Pending closure" is still running in the systems that write it; anything else with "clos" has ended.
    private static MatchStatus? StatusOf(string stage)
    {
        var value = stage.ToLowerInvariant();
        if (value.Contains("pending", StringComparison.Ordinal))
        {
            return null;
        }

        if (value.Contains("clos", StringComparison.Ordinal) || value.Contains("ended", StringComparison.Ordinal))
        {
            return MatchStatus.Closed;
        }

        return value is "active" or "open" or "matched" or "current" or "paused" ? MatchStatus.Active : null;
    }

    private static string Normalise(string header) =>
        string.Join(' ', header.ToLowerInvariant()
            .Replace('_', ' ')
            .Replace('-', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
