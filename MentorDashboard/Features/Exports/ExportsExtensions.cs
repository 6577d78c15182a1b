using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using Microsoft.AspNetCore.WebUtilities;

namespace MentorDashboard.Features.Exports;

public static class ExportsExtensions
{
    /// <summary>Longer than any name; a longer search is a mistake or a script, and is refused.</summary>
    public const int MaxSearchLength = 200;

    private static readonly MatchStatus[] Statuses = Enum.GetValues<MatchStatus>();

    public static IServiceCollection AddExports(this IServiceCollection services) =>
        services.AddSingleton<ExportService>();

    /// <summary>
    /// Downloads of a programme's tables, for its coordinators (and the network admin), as the dashboard API:
    /// <c>/api/programmes/{id}/exports/{matches|posts|contacts|responses}.{csv|xlsx}</c>, optionally with
    /// <c>?status=Active&amp;search=text&amp;match=12</c>. Others get 401, 403 or 404 as problem documents.
    /// </summary>
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/programmes/{programmeId:int}/exports/{table}.{format}", async Task<IResult> (
                int programmeId,
                string table,
                string format,
                string? status,
                string? search,
                string? match,
                HttpContext context,
                ExportService exports,
                AuditLog audit,
                ILogger<ExportService> logger,
                CancellationToken cancellationToken) =>
            {
                if (TableOf(table) is not { } exportTable || FormatOf(format) is not { } exportFormat)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                        detail: "Exports are matches, posts, contacts or responses, as .csv or .xlsx.");
                }

                if (FilterOf(status, search, match) is not { } filter)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                        detail: "status is Active, Paused or Closed, match is a match's number, and search is at "
                            + "most 200 characters.");
                }

                if (await exports.ReadAsync(programmeId, exportTable, filter, cancellationToken) is not { } sheet)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                        detail: "That match is not part of this programme.");
                }

                // Recorded before the first byte leaves: personal data went out even if the download breaks off.
                await audit.WriteAsync(AuditKind.Exported, ProgrammeAccess.PersonId(context.User), programmeId,
                    subjectId: filter.MatchId?.ToString(CultureInfo.InvariantCulture),
                    detail: $"{NameOf(exportTable)}.{ExtensionOf(exportFormat)}",
                    cancellationToken: cancellationToken);
                return new ExportFile(programmeId, exportTable, exportFormat, sheet, logger);
            })
            .RequireAuthorization(ProgrammePolicies.Coordinator);
        return endpoints;
    }

    /// <summary>The address that downloads the table with the filter, for a link.</summary>
    public static string PathOf(int programmeId, ExportTable table, ExportFormat format, ExportFilter filter)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/programmes/{programmeId}/exports/{NameOf(table)}.{ExtensionOf(format)}");
        var query = new Dictionary<string, string?>();
        if (filter.Status is { } status)
        {
            query["status"] = status.ToString();
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            query["search"] = filter.Search.Trim();
        }

        if (filter.MatchId is { } matchId)
        {
            query["match"] = matchId.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>The table's name in addresses and file names: <c>matches</c>, <c>posts</c>, ...</summary>
    public static string NameOf(ExportTable table) => table.ToString().ToLowerInvariant();

    public static string ExtensionOf(ExportFormat format) => format.ToString().ToLowerInvariant();

    private static ExportTable? TableOf(string name) =>
        Enum.GetValues<ExportTable>().Where(t => NameOf(t) == name).Select(t => (ExportTable?)t).FirstOrDefault();

    private static ExportFormat? FormatOf(string extension) =>
        Enum.GetValues<ExportFormat>().Where(f => ExtensionOf(f) == extension).Select(f => (ExportFormat?)f)
            .FirstOrDefault();

    /// <summary>The filter from the query string, or null when it names an unknown status or a match that is not a
    /// number, or its search is too long.</summary>
    private static ExportFilter? FilterOf(string? status, string? search, string? match)
    {
        if (search is { Length: > MaxSearchLength })
        {
            return null;
        }

        MatchStatus? matchStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            matchStatus = Statuses
                .Where(s => string.Equals(s.ToString(), status, StringComparison.OrdinalIgnoreCase))
                .Select(s => (MatchStatus?)s)
                .FirstOrDefault();
            if (matchStatus is null)
            {
                return null;
            }
        }

        int? matchId = null;
        if (!string.IsNullOrEmpty(match))
        {
            if (!int.TryParse(match, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            matchId = id;
        }

        return new ExportFilter(matchStatus, search, matchId);
    }
}
