using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Exports;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Newsroom;

/// <summary>A programme's feed of meeting reports, with the post form for its mentors. Updates live.</summary>
public sealed partial class Newsroom
{
    // The feed has no filters yet, so its download holds all of the programme's posts.
    private static readonly ExportTable[] PostExports = [ExportTable.Posts];

    private ProgrammeAccessRights? _access;
    private string? _personId;
    private ProgrammeFramework? _framework;
    private IReadOnlyList<MatchOption> _matches = [];
    private List<PostView> _posts = [];
    private bool _mayHaveMore;
    private IDisposable? _subscription;
    private bool _disposed;
    private int _loadedProgrammeId;
    private NewsroomVisibility? _visibility;
    private int _moderationCount;

    [Parameter]
    public int ProgrammeId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    /// <summary>Set when the member comes back from reporting a post, to thank them.</summary>
    [SupplyParameterFromQuery(Name = "reported")]
    private bool Reported { get; set; }

    [Inject]
    private NewsroomSettingsService Settings { get; set; } = null!;

    [Inject]
    private ModerationService Moderator { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private PostService Posts { get; set; } = null!;

    [Inject]
    private FrameworkService FrameworkService { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private LiveAccess Live { get; set; } = null!;

    [Inject]
    private CircuitConnection Connection { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private PostingLimiter PostingLimiter { get; set; } = null!;

    protected override void OnInitialized() => Connection.Restored += OnConnectionRestoredAsync;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedProgrammeId == ProgrammeId)
        {
            return;
        }

        _loadedProgrammeId = ProgrammeId;
        _subscription?.Dispose();
        var user = (await AuthenticationState).User;
        _personId = ProgrammeAccess.PersonId(user);
        _access = await Access.GetAsync(user, ProgrammeId);
        _framework = await FrameworkService.GetForProgrammeAsync(ProgrammeId, CancellationToken.None);
        _visibility = await Settings.GetAsync(ProgrammeId);
        _moderationCount = _access.CanCoordinate ? await Moderator.CountAsync(ProgrammeId) : 0;
        _matches = _access.CanPost && _personId is not null
            ? await Posts.ListMatchesOfMentorAsync(ProgrammeId, _personId)
            : [];
        _posts = [.. await Posts.ListAsync(ProgrammeId)];
        _mayHaveMore = _posts.Count == PostService.PageSize;
        _subscription = await Live.SubscribeAsync(user, ProgrammeId, ProgrammePolicies.Member,
            _ => InvokeAsync(ShowNewerPostsAsync), LiveExtensions.RefreshInterval);
        if (_disposed)
        {
            // The view closed while its access was checked.
            _subscription?.Dispose();
        }
    }

    private Task<PostResult> SaveAsync(PostInput input)
    {
        if (_personId is null)
        {
            return Task.FromResult(PostResult.Rejected(new PostError(PostFields.Post, "Sign in again to post.")));
        }

        // Checked before the save: a script driving the form must not flood the feed and the dashboards.
        return PostingLimiter.TryTake(_personId, ProgrammeId)
            ? Posts.CreateAsync(ProgrammeId, _personId, input)
            : Task.FromResult(PostResult.Rejected(new PostError(PostFields.Post,
                "You have posted many times in a short while. Please wait a few minutes, then post again.")));
    }

    private void OnPosted(PostView post)
    {
        if (_posts.All(p => p.Id != post.Id))
        {
            _posts.Insert(0, post);
        }
    }

    private async Task ShowNewerPostsAsync()
    {
        // Asked again on every update: a person removed from the programme stops seeing its feed at once.
        _access = await Access.GetAsync((await AuthenticationState).User, ProgrammeId);
        if (!_access.IsMember)
        {
            _subscription?.Dispose();
            Navigation.NavigateTo(AccountsExtensions.AccessDeniedPath);
            return;
        }

        var newer = _posts.Count == 0
            ? await Posts.ListAsync(ProgrammeId)
            : await Posts.ListNewerAsync(ProgrammeId, _posts[0]);
        var known = _posts.Select(p => p.Id).ToHashSet();
        _posts.InsertRange(0, newer.Where(p => !known.Contains(p.Id)));
        StateHasChanged();
    }

    // The author's own choice: a public post can be taken back at any time, and shown again if its text allows.
    private async Task ChangeVisibilityAsync(PostView post)
    {
        if (_personId is null)
        {
            return;
        }

        var errors = await Posts.SetPublicAsync(ProgrammeId, post.Id, _personId, !post.IsPublic);
        foreach (var error in errors)
        {
            Snackbar.Add(
                error.Found is null ? L[error.Message] : L["Remove {0}: “{1}”", L[error.Message], error.Found],
                Severity.Warning);
        }

        if (errors.Count == 0)
        {
            var index = _posts.FindIndex(p => p.Id == post.Id);
            _posts[index] = post with { IsPublic = !post.IsPublic };
        }
    }

    private async Task LoadMoreAsync()
    {
        var older = await Posts.ListAsync(ProgrammeId, after: _posts.LastOrDefault());
        _posts.AddRange(older);
        _mayHaveMore = older.Count == PostService.PageSize;
    }

    // Posts saved while a phone was offline arrive when its connection comes back.
    private Task OnConnectionRestoredAsync() => InvokeAsync(ShowNewerPostsAsync);

    public void Dispose()
    {
        _disposed = true;
        Connection.Restored -= OnConnectionRestoredAsync;
        _subscription?.Dispose();
    }
}
