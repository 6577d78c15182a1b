using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.People;

/// <summary>
/// Where an invitation link leads. Renders statically (not over the circuit) because accepting as a new person
/// signs them in, which sets a cookie on the HTTP response. Opening the link changes nothing; only the form's
/// post accepts, so a mail scanner that follows links cannot use the invitation up.
/// </summary>
public sealed partial class AcceptInvitation
{
    private InvitationLookup _lookup = InvitationLookup.Unknown;
    private IReadOnlyList<PeopleError> _errors = [];
    private string? _signedInName;

    [Inject]
    private InvitationService Invitations { get; set; } = null!;

    [Inject]
    private SignInManager<Person> SignInManager { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery]
    private string? Token { get; set; }

    [SupplyParameterFromForm(FormName = "accept-new")]
    private NewPersonInput Input { get; set; } = default!;

    // Shown only for a valid link, so the token is plain base64url and safe to put back into a URL.
    private string SignInPath =>
        AccountsExtensions.LoginPath + "?returnUrl="
        + Uri.EscapeDataString($"/{InvitationEmails.AcceptPath}?token={Token}");

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        _lookup = await Invitations.FindAsync(Token);
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            _signedInName = user.Identity.Name ?? "";
        }
    }

    private async Task AcceptAsNewPersonAsync()
    {
        var result = await Invitations.AcceptAsNewPersonAsync(Token, Input.DisplayName, Input.Password);

        // The page is sent back on a refusal; it must not carry the password with it.
        Input.Password = "";
        await FinishAsync(result, signIn: true);
    }

    private async Task AcceptAsSignedInAsync()
    {
        var user = (await AuthenticationState!).User;
        await FinishAsync(await Invitations.AcceptAsSignedInAsync(Token, user), signIn: false);
    }

    private async Task FinishAsync(AcceptResult result, bool signIn)
    {
        if (result.Person is not { } person)
        {
            _errors = result.Errors;

            // A link that stopped working meanwhile shows why, as it would on opening.
            _lookup = await Invitations.FindAsync(Token);
            return;
        }

        if (signIn)
        {
            await SignInManager.SignInAsync(person, isPersistent: false);
        }

        var page = _lookup.Role == ProgrammeRole.Coordinator ? "dashboard" : "newsroom";
        Navigation.NavigateTo($"/programmes/{result.ProgrammeId}/{page}", forceLoad: true);
    }

    private sealed class NewPersonInput
    {
        public string DisplayName { get; set; } = "";

        public string Password { get; set; } = "";
    }
}
