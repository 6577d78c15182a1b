using Microsoft.AspNetCore.Components;

namespace MentorDashboard.Features.Exports;

/// <summary>A "Download" menu with a CSV and an Excel link for each table it offers.</summary>
public sealed partial class DownloadMenu
{
    private static readonly ExportFormat[] Formats = [ExportFormat.Csv, ExportFormat.Xlsx];

    /// <summary>The programme whose tables these are.</summary>
    [Parameter, EditorRequired]
    public int ProgrammeId { get; set; }

    /// <summary>The tables offered, in the menu's order.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ExportTable> Tables { get; set; } = [];

    /// <summary>The page's current filters, which every link carries.</summary>
    [Parameter]
    public ExportFilter Filter { get; set; } = new();

    /// <summary>The menu's element id.</summary>
    [Parameter]
    public string? Id { get; set; }

    private string LabelOf(ExportTable table, ExportFormat format)
    {
        var name = L[table switch
        {
            ExportTable.Matches => "Matches",
            ExportTable.Posts => "Posts",
            ExportTable.Contacts => "Support contacts",
            _ => "Questionnaire responses",
        }];
        return format == ExportFormat.Csv ? L["{0} as CSV", name] : L["{0} as Excel", name];
    }

    // For tests and people reading the page: "matches-csv".
    private static string DataOf(ExportTable table, ExportFormat format) =>
        $"{ExportsExtensions.NameOf(table)}-{ExportsExtensions.ExtensionOf(format)}";
}
