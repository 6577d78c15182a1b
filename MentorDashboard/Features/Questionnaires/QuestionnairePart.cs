using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>A section of the questionnaire editor that edits part of the questionnaire the page has read.
/// </summary>
public abstract class QuestionnairePart : ComponentBase
{
    private QuestionnaireDetails? _read;

    /// <summary>The questionnaire as last read.</summary>
    [Parameter, EditorRequired]
    public QuestionnaireDetails Details { get; set; } = null!;

    /// <summary>The admin's network.</summary>
    [Parameter, EditorRequired]
    public int NetworkId { get; set; }

    /// <summary>Asks the page to read the questionnaire again after a change.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    protected QuestionnaireEditingService Editing { get; set; } = null!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = null!;

    // Named apart from the L every component injects through _Imports.razor, so neither hides the other.
    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = null!;

    protected int QuestionnaireId => Details.Questionnaire.Id;

    /// <summary>
    /// The page renders its sections again whenever one of its own fields changes; a section rebuilds its rows
    /// only when the page has read the questionnaire again, so typing elsewhere never wipes what it holds.
    /// </summary>
    protected sealed override void OnParametersSet()
    {
        if (!ReferenceEquals(Details, _read))
        {
            _read = Details;
            OnQuestionnaireRead();
        }
    }

    /// <summary>Builds the section's rows from <see cref="Details"/>, read anew.</summary>
    protected abstract void OnQuestionnaireRead();

    protected Task RunAsync(Func<Task> change) => Snackbar.RunAsync(Localizer, change, () => Changed.InvokeAsync());
}
