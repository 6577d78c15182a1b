using MentorDashboard.Features.Framework;
using MudBlazor;

namespace MentorDashboard.Features.Questionnaires;

public sealed partial class QuestionnaireScaleList
{
    private List<ScaleRow> _scales = [];
    private string? _newKey;
    private string? _newName;
    private IReadOnlyList<FrameworkError> _addErrors = [];

    protected override void OnParametersSet() =>
        _scales = Details.Questionnaire.Scales
            .Select(s => new ScaleRow(s.Id, s.Key)
            {
                Name = s.Name,
                Scoring = s.Scoring,
                MinAnswered = s.MinAnswered,
                Bands = s.Bands
                    .Select(b => new BandRow { UpTo = b.UpTo, Label = b.Label, IsConcern = b.IsConcern })
                    .ToList(),
            })
            .ToList();

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
        var bands = scale.Bands.Select(b => new ScoreBand(b.UpTo, b.Label ?? "", b.IsConcern)).ToList();
        scale.Errors = await Editing.UpdateScaleAsync(NetworkId, QuestionnaireId, scale.Id,
            new ScaleSettings(scale.Name, scale.Scoring, scale.MinAnswered, bands));
        if (scale.Errors.Count == 0)
        {
            Snackbar.Add(L["Saved."], Severity.Success);
            await Changed.InvokeAsync();
        }
    });

    /// <summary>One scale as the admin edits it, saved when they press Save scale.</summary>
    private sealed class ScaleRow(int id, string key)
    {
        public int Id { get; } = id;

        public string Key { get; } = key;

        public string? Name { get; set; }

        public ScaleScoring Scoring { get; set; }

        public int MinAnswered { get; set; }

        public List<BandRow> Bands { get; set; } = [];

        public IReadOnlyList<FrameworkError> Errors { get; set; } = [];
    }
}

/// <summary>One band as the admin edits it.</summary>
internal sealed class BandRow
{
    public double? UpTo { get; set; }

    public string? Label { get; set; }

    public bool IsConcern { get; set; }
}
