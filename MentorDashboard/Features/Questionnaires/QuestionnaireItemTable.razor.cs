using System.Globalization;
using MentorDashboard.Features.Framework;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MentorDashboard.Features.Questionnaires;

public sealed partial class QuestionnaireItemTable
{
    private List<ItemRow> _rows = [];
    private string? _newKey;
    private string? _newText;
    private string? _newScaleKey;
    private bool _newReversed;
    private IReadOnlyList<FrameworkError> _addErrors = [];
    private IReadOnlyList<FrameworkError> _rowErrors = [];

    [Inject]
    private IOptions<RequestLocalizationOptions> Localization { get; set; } = null!;

    /// <summary>The configured languages besides the default one, in which an item may have its own text.
    /// </summary>
    private IEnumerable<CultureInfo> OtherCultures =>
        (Localization.Value.SupportedUICultures ?? []).Where(c => c.Name != DefaultCulture.Name);

    private CultureInfo DefaultCulture => Localization.Value.DefaultRequestCulture.UICulture;

    private string ReversedHelp =>
        L["Reverse-scored: for negatively worded items such as 'I feel bored', where agreeing is the worse answer."];

    protected override void OnParametersSet()
    {
        _rows = Details.Questionnaire.Items
            .Select(i => new ItemRow(i.Id, i.Key, i.IsRetired)
            {
                Text = i.Text,
                ScaleKey = i.ScaleKey,
                IsReversed = i.IsReversed,
                Texts = OtherCultures.ToDictionary(c => c.Name, c => i.Texts.GetValueOrDefault(c.Name)),
            })
            .ToList();
        _newScaleKey ??= Details.Questionnaire.Scales.FirstOrDefault()?.Key;
    }

    private Task AddAsync() => RunAsync(async () =>
    {
        _addErrors = await Editing.AddItemAsync(
            NetworkId, QuestionnaireId, _newKey, new ItemSettings(_newText, _newScaleKey, _newReversed));
        if (_addErrors.Count == 0)
        {
            _newKey = null;
            _newText = null;
            _newReversed = false;
            await Changed.InvokeAsync();
        }
    });

    private Task SaveAsync(ItemRow row) => RunAsync(async () =>
    {
        _rowErrors = await Editing.UpdateItemAsync(
            NetworkId, QuestionnaireId, row.Id, new ItemSettings(row.Text, row.ScaleKey, row.IsReversed, row.Texts));
        if (_rowErrors.Count == 0)
        {
            Snackbar.Add(L["Saved."], Severity.Success);
            await Changed.InvokeAsync();
        }
    });

    private Task MoveAsync(ItemRow row, bool up) => RunAsync(async () =>
    {
        await Editing.MoveItemAsync(NetworkId, QuestionnaireId, row.Id, up);
        await Changed.InvokeAsync();
    });

    private Task RetireAsync(ItemRow row) => RunAsync(async () =>
    {
        _rowErrors = await Editing.RetireItemAsync(NetworkId, QuestionnaireId, row.Id);
        if (_rowErrors.Count == 0)
        {
            await Changed.InvokeAsync();
        }
    });

    /// <summary>One row as the admin edits it, saved when they press Save.</summary>
    private sealed class ItemRow(int id, string key, bool isRetired)
    {
        public int Id { get; } = id;

        public string Key { get; } = key;

        public bool IsRetired { get; } = isRetired;

        public string? Text { get; set; }

        public string? ScaleKey { get; set; }

        public bool IsReversed { get; set; }

        public Dictionary<string, string?> Texts { get; set; } = [];
    }
}
