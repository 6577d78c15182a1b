using MentorDashboard.Features.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>Words the questionnaire pages share; each is a localisation key.</summary>
internal static class QuestionnaireText
{
    public static string RespondentOf(QuestionnaireRespondent respondent) => respondent switch
    {
        QuestionnaireRespondent.Mentor => "Mentors",
        QuestionnaireRespondent.Mentee => "Mentees",
        _ => "Mentors and mentees",
    };

    public static string ScaleKindOf(ResponseScaleKind kind) => kind switch
    {
        ResponseScaleKind.Agreement => "Agreement (strongly disagree … strongly agree)",
        ResponseScaleKind.Frequency => "How often (never … always)",
        _ => "Faces (sad … happy)",
    };

    /// <summary>The labels a new scale of the kind gives its first and last point.</summary>
    public static (string First, string Last) EndLabelsOf(ResponseScaleKind kind) => kind switch
    {
        ResponseScaleKind.Agreement => ("Strongly disagree", "Strongly agree"),
        ResponseScaleKind.Frequency => ("Never", "Always"),
        _ => ("Sad", "Happy"),
    };

    public static string ScoringOf(ScaleScoring scoring) => scoring == ScaleScoring.Mean
        ? "Average of the answers"
        : "Total of the answers";

    /// <summary>The localised refusal for one field, or null when none names it.</summary>
    public static string? TextOf(
        this IReadOnlyList<FrameworkError> errors, IStringLocalizer localizer, string field) =>
        errors.FirstOrDefault(e => e.Path == field) is { } error
            ? localizer[error.Message, error.Arguments].Value
            : null;

    /// <summary>
    /// Runs a change from the editor. Another admin may edit the same questionnaire meanwhile (an item gone, a key
    /// taken at the same moment); the page then says so and reloads instead of failing.
    /// </summary>
    public static async Task RunAsync(
        this ISnackbar snackbar, IStringLocalizer localizer, Func<Task> change, Func<Task> reload)
    {
        try
        {
            await change();
        }
        catch (Exception exception) when (exception is InvalidOperationException or DbUpdateException)
        {
            snackbar.Add(
                localizer["The questionnaire changed meanwhile; the page now shows it as it is."], Severity.Warning);
            await reload();
        }
    }
}
