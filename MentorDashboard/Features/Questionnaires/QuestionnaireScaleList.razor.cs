using MentorDashboard.Features.Framework;
using MudBlazor;

namespace MentorDashboard.Features.Questionnaires;

public sealed partial class QuestionnaireScaleList
{
    private List<ScaleRow> _scales = [];
    private string? _newKey;
    private string? _newName;
    private IReadOnlyList<FrameworkError> _addErrors = [];

    protected override void OnQuestionnaireRead() =>
        _scales = EditedRow<QuestionnaireScale>.Refresh(
            _scales, Details.Questionnaire.Scales, s => s.Id, s => new ScaleRow(s));

    private Task AddAsync() => RunAsync(async () =>
    {
        _addErrors = await Editing.AddScaleAsync(NetworkId, QuestionnaireId, _newKey, _newName);
        if (_addErrors.Count == 0)
        {
            _newKey = null;
            _newName = null;
            await Changed.InvokeAsync();
        }
    });

    private Task SaveAsync(ScaleRow scale) => RunAsync(async () =>
    {
        var bands = scale.Bands.Select(b => b.ToBand()).ToList();
        scale.Errors = await Editing.UpdateScaleAsync(NetworkId, QuestionnaireId, scale.Id,
            new ScaleSettings(scale.Name, scale.Scoring, scale.MinAnswered, bands));
        if (scale.Errors.Count == 0)
        {
            Snackbar.Add(L["Saved."], Severity.Success);
            await Changed.InvokeAsync();
        }
    });

    /// <summary>One scale as the admin edits it, saved when they press Save scale.</summary>
    private sealed class ScaleRow(QuestionnaireScale scale) : EditedRow<QuestionnaireScale>(scale)
    {
        public int Id => Source.Id;

        public string Key => Source.Key;

        public string? Name { get; set; } = scale.Name;

        public ScaleScoring Scoring { get; set; } = scale.Scoring;

        public int MinAnswered { get; set; } = scale.MinAnswered;

        public List<BandRow> Bands { get; } = scale.Bands.Select(BandRow.From).ToList();

        public IReadOnlyList<FrameworkError> Errors { get; set; } = [];

        public override bool Matches(QuestionnaireScale read) =>
            SameText(Name, read.Name) && Scoring == read.Scoring && MinAnswered == read.MinAnswered
            && Bands.Select(b => b.ToBand()).SequenceEqual(read.Bands);
    }
}

/// <summary>One band as the admin edits it.</summary>
internal sealed class BandRow
{
    public double? UpTo { get; set; }

    public string? Label { get; set; }

    public bool IsConcern { get; set; }

    public static BandRow From(ScoreBand band) =>
        new() { UpTo = band.UpTo, Label = band.Label, IsConcern = band.IsConcern };

    public ScoreBand ToBand() => new(UpTo, Label?.Trim() ?? "", IsConcern);
}
