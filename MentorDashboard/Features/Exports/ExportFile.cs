using System.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace MentorDashboard.Features.Exports;

/// <summary>
/// An export as a download: the file is written to the response while its rows are read, never held whole in
/// memory. Once the first bytes have gone out, a failure can only cut the download short.
/// </summary>
internal sealed class ExportFile(
    int programmeId, ExportTable table, ExportFormat format, ExportSheet sheet, ILogger logger) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(sheet.FileStem + "." + ExportsExtensions.ExtensionOf(format));
        response.ContentType = format == ExportFormat.Csv
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = disposition.ToString();

        // Personal data: no cache along the way keeps a copy.
        response.Headers.CacheControl = "no-store";

        var started = Stopwatch.GetTimestamp();
        try
        {
            var rows = format == ExportFormat.Csv
                ? await ExportWriters.WriteCsvAsync(response.Body, sheet, httpContext.RequestAborted)
                : await ExportWriters.WriteXlsxAsync(response.Body, sheet, httpContext.RequestAborted);
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            ExportsLog.Written(logger, table, format, programmeId, rows, elapsedMs);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            ExportsLog.Abandoned(logger, table, format, programmeId);
        }
    }
}
