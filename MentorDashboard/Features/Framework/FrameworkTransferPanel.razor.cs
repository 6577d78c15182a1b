using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace MentorDashboard.Features.Framework;

public sealed partial class FrameworkTransferPanel
{
    /// <summary>A framework of a few hundred items is well under this.</summary>
    private const long MaxDocumentBytes = 1024 * 1024;

    private IReadOnlyList<FrameworkError> _errors = [];
    private bool _importing;

    /// <summary>The network to import into.</summary>
    [Parameter, EditorRequired]
    public int NetworkId { get; set; }

    [Inject]
    private FrameworkTransferService Transfer { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (file.Size > MaxDocumentBytes)
        {
            _errors = [new("$", "The file is larger than 1 MB; a framework document is much smaller.")];
            return;
        }

        _importing = true;
        try
        {
            // The bytes go to the import as they are: it tells an encoding it cannot read instead of guessing.
            await using var upload = file.OpenReadStream(MaxDocumentBytes);
            using var content = new MemoryStream();
            await upload.CopyToAsync(content);
            _errors = await Transfer.ImportAsync(NetworkId, content.ToArray());
            if (_errors.Count == 0)
            {
                Snackbar.Add(L["Framework imported. Publish a version to give it to the programmes."],
                    Severity.Success);
            }
        }
        catch (IOException)
        {
            Snackbar.Add(L["The file could not be read. Try again."], Severity.Error);
        }
        finally
        {
            _importing = false;
        }
    }
}
