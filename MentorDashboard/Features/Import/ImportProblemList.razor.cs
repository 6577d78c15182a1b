using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MentorDashboard.Features.Import;

public sealed partial class ImportProblemList
{
    /// <summary>More rows than this make the page slow on a phone; the download has them all.</summary>
    private const int ShownProblems = 200;

    /// <summary>The problems found, in row order.</summary>
    // The file's own values come back in the messages: a value that starts like a formula must not run as one.
    private static readonly CsvConfiguration Csv = new(CultureInfo.CurrentCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    [Parameter, EditorRequired]
    public IReadOnlyList<ImportProblem> Problems { get; set; } = [];

    /// <summary>All problems found, including any past the listed ones.</summary>
    [Parameter]
    public int ProblemCount { get; set; }

    /// <summary>The checked file's name, which the download's name starts with.</summary>
    [Parameter, EditorRequired]
    public string FileName { get; set; } = "";

    private async Task DownloadAsync()
    {
        using var content = new MemoryStream();
        await using (var writer = new StreamWriter(content, new UTF8Encoding(true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, Csv))
        {
            csv.WriteField(L["Row"].Value);
            csv.WriteField(L["Column"].Value);
            csv.WriteField(L["Problem"].Value);
            await csv.NextRecordAsync();
            foreach (var problem in Problems)
            {
                csv.WriteField(problem.Row);
                csv.WriteField(problem.Column);
                csv.WriteField(L[problem.Message, problem.Arguments].Value);
                await csv.NextRecordAsync();
            }
        }

        content.Position = 0;
        var name = $"{Path.GetFileNameWithoutExtension(FileName)}-problems.csv";
        await using var module = await JS.InvokeAsync<IJSObjectReference>(
            "import", "./Features/Import/ImportProblemList.razor.js");
        using var stream = new DotNetStreamReference(content, leaveOpen: true);
        await module.InvokeVoidAsync("download", name, stream);
    }
}
