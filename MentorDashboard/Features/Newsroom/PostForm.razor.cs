using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MentorDashboard.Features.Newsroom;

public sealed partial class PostForm
{
    // Most meetings last about an hour; a default saves a mentor on a phone some typing.
    private const int DefaultMinutes = 60;

    private static readonly TimeSpan RepeatedTapWindow = TimeSpan.FromSeconds(2);

    private PostInput _input = new();
    private IReadOnlyList<PostError> _errors = [];
    private bool _saving;
    private long _savedAt;

    /// <summary>The mentor's active matches; the form picks the only one itself.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<MatchOption> Matches { get; set; } = [];

    /// <summary>The topics and activity types to choose from.</summary>
    [Parameter, EditorRequired]
    public ProgrammeFramework Framework { get; set; } = null!;

    /// <summary>Today in the programme, the latest date a meeting can have.</summary>
    [Parameter, EditorRequired]
    public DateOnly Today { get; set; }

    /// <summary>Saves the post on the server; its errors are shown and the input kept.</summary>
    [Parameter, EditorRequired]
    public Func<PostInput, Task<PostResult>> Save { get; set; } = null!;

    /// <summary>The programme's newsroom is public, so the author may show the post there.</summary>
    [Parameter]
    public bool CanBePublic { get; set; }

    /// <summary>Raised with the saved post.</summary>
    [Parameter]
    public EventCallback<PostView> Posted { get; set; }

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<PostForm> Logger { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    private IReadOnlyCollection<string>? TopicKeys
    {
        get => _input.TopicKeys;
        set => _input.TopicKeys = value ?? [];
    }

    protected override void OnParametersSet()
    {
        _input.Date ??= Today.ToDateTime(TimeOnly.MinValue);
        _input.Minutes ??= DefaultMinutes;
        if (Matches.Count == 1)
        {
            _input.MatchId = Matches[0].MatchId;
        }
    }

    private static bool IsUntouched(PostInput input) =>
        input.ActivityTypeKey is null && input.TopicKeys.Count == 0 && input.Rating == 0 && input.Text.Length == 0;

    // A paused or recently closed match takes only reports of its earlier meetings; the form says which it is.
    private string NameOf(MatchOption match) => match.Status switch
    {
        MatchStatus.Paused => L["{0} (paused)", match.MenteeName],
        MatchStatus.Closed => L["{0} (closed)", match.MenteeName],
        _ => match.MenteeName,
    };

    private IReadOnlyList<PostError> PublicErrors => _errors.Where(e => e.Field == PostFields.IsPublic).ToList();

    private bool HasError(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorFor(string field) =>
        _errors.FirstOrDefault(e => e.Field == field) is { } error ? L[error.Message].Value : null;

    private async Task SubmitAsync()
    {
        // A double tap delivers a second submit just after the first saved and reset the form; it must not
        // greet the mentor with "what is missing" messages about the empty form.
        if (_saving || (IsUntouched(_input) && Time.GetElapsedTime(_savedAt) < RepeatedTapWindow))
        {
            return;
        }

        _errors = PostValidation.Validate(_input, Today, Framework);
        if (_errors.Count > 0)
        {
            return;
        }

        _saving = true;
        try
        {
            var result = await Save(_input);
            _errors = result.Errors;
            if (result.Post is { } post)
            {
                Snackbar.Add(L["Your post is in the newsroom."], Severity.Success);
                _savedAt = Time.GetTimestamp();
                _input = new PostInput
                {
                    MatchId = _input.MatchId,
                    Date = Today.ToDateTime(TimeOnly.MinValue),
                    Minutes = DefaultMinutes,
                };
                await Posted.InvokeAsync(post);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Keep everything the mentor typed; the same submission id makes a retry safe.
            PostsLog.SaveFailed(Logger, exception);
            _errors = [new PostError(PostFields.Post, "Your post could not be saved. Please try again.")];
        }
        finally
        {
            _saving = false;
        }
    }
}
