using System.Globalization;
using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using MudBlazor;

namespace MentorDashboard.Features.Questionnaires;

/// <summary>
/// Answering one questionnaire for one match. The answers survive a dropped connection: the circuit keeps them
/// while it reconnects, and a draft in the browser's storage brings them back after a reload. The submission id
/// travels with the draft, so a submit retried after a reload still saves one response.
/// </summary>
public sealed partial class QuestionnaireResponse
{
    private QuestionnaireForm? _form;
    private string? _personId;
    private SubmitInput _input = new();
    private IReadOnlyList<ResponseError> _errors = [];
    private bool _loaded;
    private bool _saving;
    private bool _saved;
    private bool _draftRead;

    [Parameter]
    public int ProgrammeId { get; set; }

    [Parameter]
    public int QuestionnaireId { get; set; }

    [Parameter]
    public int MatchId { get; set; }

    /// <summary>The occasion to answer (yyyy-MM-dd), from the link in the newsroom; else the oldest open one.</summary>
    [SupplyParameterFromQuery]
    public string? Occasion { get; set; }

    // A link with a date that is not one of the match's open occasions gets the oldest open one instead; say so.
    private bool OtherOccasionAsked =>
        Occasion is { Length: > 0 } asked && _form?.Occasion is { } shown && !_form.IsAnswered
        && asked != shown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private QuestionnaireService Questionnaires { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ProtectedLocalStorage Storage { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<QuestionnaireResponse> Logger { get; set; } = null!;

    private string NewsroomHref => $"/programmes/{ProgrammeId}/newsroom";

    private bool UsesFaces => _form is { Scale: { Kind: ResponseScaleKind.Faces, Points: 5 } };

    private string PointsStyle => $"--points: {_form?.Scale.Points ?? 5}";

    private string DraftKey => string.Create(CultureInfo.InvariantCulture,
        $"questionnaire-draft-{QuestionnaireId}-{MatchId}-{_input.Occasion:yyyy-MM-dd}");

    // Another person signing in on the same browser cannot read this person's draft.
    private string DraftPurpose => $"questionnaire-draft:{_personId}";

    protected override async Task OnParametersSetAsync()
    {
        _personId = ProgrammeAccess.PersonId((await AuthenticationState).User);
        var occasion = DateOnly.TryParseExact(
            Occasion, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            ? asked
            : (DateOnly?)null;
        _form = _personId is null
            ? null
            : await Questionnaires.GetFormAsync(ProgrammeId, _personId, QuestionnaireId, MatchId, occasion);
        if (_form is null)
        {
            // Another person's match, or no such questionnaire: answer like every programme page the person may
            // not open, with the access-denied page (a redirect while prerendering), not a 200 of this page.
            Navigation.NavigateTo(AccountsExtensions.AccessDeniedPath);
            return;
        }

        if (_form?.Occasion is { } due && (_input.QuestionnaireId != QuestionnaireId || _input.MatchId != MatchId
            || _input.Occasion != due))
        {
            _input = new SubmitInput { QuestionnaireId = QuestionnaireId, MatchId = MatchId, Occasion = due };
            _draftRead = false;
        }

        _loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Browser storage is reachable only once the circuit is live, not while prerendering.
        if (_draftRead || !RendererInfo.IsInteractive || _form is not { Occasion: not null, IsAnswered: false })
        {
            return;
        }

        _draftRead = true;
        try
        {
            var draft = await Storage.GetAsync<SubmitInput>(DraftPurpose, DraftKey);
            if (draft is { Success: true, Value: { } saved } && _input.Answers.Count == 0)
            {
                _input.SubmissionId = saved.SubmissionId;
                _input.Answers = saved.Answers;
                StateHasChanged();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            QuestionnairesLog.DraftUnavailable(Logger, exception);
        }
    }

    private int ValueOf(string itemKey) => _input.Answers.GetValueOrDefault(itemKey);

    private string AnchorOf(int point) =>
        _form!.Scale.Anchors.ElementAtOrDefault(point - 1) is { Length: > 0 } anchor ? L[anchor] : "";

    private string? ErrorFor(string? itemKey) =>
        _errors.FirstOrDefault(e => e.ItemKey == itemKey) is { } error ? L[error.Message].Value : null;

    private async Task ChooseAsync(string itemKey, int value)
    {
        _input.Answers[itemKey] = value;
        await SaveDraftAsync();
    }

    private async Task SaveDraftAsync()
    {
        try
        {
            await Storage.SetAsync(DraftPurpose, DraftKey, _input);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The answers are still in the circuit; only a reload would lose them.
            QuestionnairesLog.DraftUnavailable(Logger, exception);
        }
    }

    private async Task SubmitAsync()
    {
        if (_saving || _personId is null)
        {
            return;
        }

        _saving = true;
        try
        {
            var result = await Questionnaires.SubmitAsync(ProgrammeId, _personId, _input);
            _errors = result.Errors;
            if (result.Saved)
            {
                _saved = true;
                Snackbar.Add(L["Thank you: your answers are saved."], Severity.Success);
                await DeleteDraftAsync();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Keep every answer; the same submission id makes a retry safe.
            QuestionnairesLog.SaveFailed(Logger, exception);
            _errors = [new ResponseError(null, "Your answers could not be saved. Please try again.")];
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteDraftAsync()
    {
        try
        {
            await Storage.DeleteAsync(DraftKey);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            QuestionnairesLog.DraftUnavailable(Logger, exception);
        }
    }
}
