using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MentorDashboard.Features.Dashboard;

/// <summary>Where a network admin chooses a programme's data cards and their order.</summary>
public sealed partial class DashboardLayout
{
    private List<Row>? _rows;
    private bool _saving;
    private string? _error;

    [Parameter]
    public int ProgrammeId { get; set; }

    [Inject]
    private DashboardCards Cards { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        var shown = await Cards.GetLayoutAsync(ProgrammeId);
        var catalogue = await Cards.ReadCatalogueAsync(ProgrammeId);
        _rows =
        [
            .. shown.Select(card => new Row(card, Shown: true)),
            .. catalogue.Where(card => !shown.Contains(card)).Select(card => new Row(card, Shown: false)),
        ];
    }

    private void Move(int position, int by)
    {
        var target = position + by;
        if (_rows is null || target < 0 || target >= _rows.Count)
        {
            return;
        }

        (_rows[position], _rows[target]) = (_rows[target], _rows[position]);
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var keys = _rows!.Where(row => row.Shown).Select(row => row.Card.Key).ToList();
            _error = await Cards.SaveLayoutAsync(ProgrammeId, keys) is { } refusal ? L[refusal].Value : null;
            if (_error is null)
            {
                Snackbar.Add(L["The dashboard now shows these cards."], Severity.Success);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private sealed record Row(CardDefinition Card, bool Shown)
    {
        public bool Shown { get; set; } = Shown;
    }
}
