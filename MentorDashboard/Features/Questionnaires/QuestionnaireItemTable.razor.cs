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

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    /// <summary>
    /// The configured cultures of another language than the default one, in which an item may have its own text.
    /// A culture of the same language (en-US beside en-GB, configured for its dates) shows the default text.
    /// </summary>
    private IEnumerable<CultureInfo> OtherCultures =>
        (Localization.Value.SupportedUICultures ?? [])
            .Where(c => c.TwoLetterISOLanguageName != DefaultCulture.TwoLetterISOLanguageName);

    private CultureInfo DefaultCulture => Localization.Value.DefaultRequestCulture.UICulture;

    private string ReversedHelp =>
        L["Reverse-scored: for negatively worded items such as 'I feel bored', where agreeing is the worse answer."];

    protected override void OnQuestionnaireRead()
    {
        var cultures = OtherCultures.Select(c => c.Name).ToList();
        _rows = EditedRow<QuestionnaireItem>.Refresh(
            _rows, Details.Questionnaire.Items, i => i.Id, i => new ItemRow(i, cultures));
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

    /// <summary>Asks first: a retired question cannot come back, and its key is never used again.</summary>
    private async Task RetireAsync(ItemRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Retire this question?"],
            L["Nobody will be asked it again and its key cannot be used again; answers already given stay readable."],
            yesText: L["Retire"],
            cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            _rowErrors = await Editing.RetireItemAsync(NetworkId, QuestionnaireId, row.Id);
            if (_rowErrors.Count == 0)
            {
                await Changed.InvokeAsync();
            }
        });
    }

    /// <summary>One question as the admin edits it, saved when they press Save.</summary>
    /// <param name="cultures">The languages besides the default one in which the question may have a text.</param>
    private sealed class ItemRow(QuestionnaireItem item, IEnumerable<string> cultures)
        : EditedRow<QuestionnaireItem>(item)
    {
        public int Id => Source.Id;

        public string Key => Source.Key;

        public bool IsRetired => Source.IsRetired;

        public string? Text { get; set; } = item.Text;

        public string? ScaleKey { get; set; } = item.ScaleKey;

        public bool IsReversed { get; set; } = item.IsReversed;

        public Dictionary<string, string?> Texts { get; } =
            cultures.ToDictionary(c => c, c => item.Texts.GetValueOrDefault(c));

        /// <summary>A question retired meanwhile takes no more edits.</summary>
        public override bool AppliesTo(QuestionnaireItem read) => !read.IsRetired;

        public override bool Matches(QuestionnaireItem read) =>
            SameText(Text, read.Text) && ScaleKey == read.ScaleKey && IsReversed == read.IsReversed
            && Texts.All(t => SameText(t.Value, read.Texts.GetValueOrDefault(t.Key)));
    }
}
