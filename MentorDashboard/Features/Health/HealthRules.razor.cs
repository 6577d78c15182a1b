using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MentorDashboard.Features.Health;

/// <summary>
/// Where a programme's admin sets its health rules: each rule a sentence with its numbers in it, switched on or
/// off, added or removed. Nothing is stored until the whole set is valid.
/// </summary>
public sealed partial class HealthRules
{
    private static readonly (HealthRuleKind Kind, string Name)[] Kinds =
    [
        (HealthRuleKind.NoMeetingForDays, "No meeting for a number of days"),
        (HealthRuleKind.FewMeetings, "Too few meetings"),
        (HealthRuleKind.ConcernScore, "A questionnaire score of concern"),
        (HealthRuleKind.QuestionnaireOverdue, "A questionnaire left unanswered"),
        (HealthRuleKind.SupportContactBehind, "Behind on support contacts"),
        (HealthRuleKind.PoorRatingsInARow, "Meetings that went badly in a row"),
    ];

    private List<HealthRule>? _rules;
    private string _programmeName = "";
    private bool _isDefault;
    private bool _saving;
    private string? _setError;
    private Dictionary<int, string> _ruleErrors = [];

    [Parameter]
    public int ProgrammeId { get; set; }

    [Inject]
    private HealthRuleService Rules { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<HealthRules> Logger { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        // The policy has checked the programme exists and the viewer administers it.
        var rules = await Rules.GetAsync(ProgrammeId);
        _programmeName = rules?.ProgrammeName ?? "";
        _rules = rules?.Rules.ToList() ?? [];
        _isDefault = rules?.IsDefault ?? false;
    }

    private void Add(HealthRuleKind kind) => _rules!.Add(HealthRuleSet.NewRule(ProgrammeId, kind));

    private void Remove(int position)
    {
        _rules!.RemoveAt(position);

        // The errors were about positions that have moved.
        _ruleErrors = [];
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var errors = await Rules.SaveAsync(ProgrammeId, _rules!);
            _setError = errors.FirstOrDefault(e => e.RuleIndex is null) is { } setError
                ? L[setError.Message, setError.Arguments].Value
                : null;
            _ruleErrors = errors
                .Where(e => e.RuleIndex is not null)
                .ToDictionary(e => e.RuleIndex!.Value, e => L[e.Message, e.Arguments].Value);
            if (errors.Count == 0)
            {
                _isDefault = false;
                Snackbar.Add(L["Saved. Open dashboards use these rules now."], Severity.Success);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HealthLog.RulesSaveFailed(Logger, exception, ProgrammeId);
            Snackbar.Add(L["The rules could not be saved. Please try again."], Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }
}
