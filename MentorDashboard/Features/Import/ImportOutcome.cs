namespace MentorDashboard.Features.Import;

/// <summary>
/// Something wrong with one value of one row. <paramref name="Message"/> is an English template and its own
/// localisation key, filled with <paramref name="Arguments"/>.
/// </summary>
/// <param name="Column">The file's header of the column, or "" for a problem with the whole row.</param>
public sealed record ImportProblem(int Row, string Column, string Message, params object[] Arguments);

/// <summary>What checking or importing a file found and did.</summary>
/// <param name="Problems">The first <see cref="MaxProblemsListed"/> problems, in row order.</param>
/// <param name="ProblemCount">All problems found, including those not listed.</param>
/// <param name="ProblemRows">Rows with at least one problem: these are left out when the coordinator chooses to
/// skip them.</param>
/// <param name="NewClosureReasons">Reasons the import adds to the programme's list.</param>
public sealed record ImportOutcome(
    bool Committed,
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    int Skipped,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemCount,
    int ProblemRows,
    IReadOnlyList<string> NewClosureReasons)
{
    public const int MaxProblemsListed = 10_000;

    /// <summary>The file or the mapping was refused as a whole; no row was looked at.</summary>
    public bool IsRefusal => ProblemRows == 0 && ProblemCount > 0;

    /// <summary>A refusal that concerns the file or the settings as a whole, not one row.</summary>
    public static ImportOutcome Refused(string message, params object[] arguments) =>
        new(false, 0, 0, 0, 0, 0, [new ImportProblem(0, "", message, arguments)], 1, 0, []);
}

/// <summary>How far a long check or import has come.</summary>
/// <param name="Fraction">0 to 1, by the part of the file read.</param>
public sealed record ImportProgress(double Fraction, int Rows);
