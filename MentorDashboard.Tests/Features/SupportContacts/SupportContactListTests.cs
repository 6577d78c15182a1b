using System.Security.Claims;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.SupportContacts;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace MentorDashboard.Tests.Features.SupportContacts;

/// <summary>The contact list a match page embeds, and the dialog it logs contacts in.</summary>
public sealed class SupportContactListTests : MudTestContext, IAsyncLifetime
{
    private ContactScenario _scenario = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await ContactScenario.CreateAsync();
        Services.AddSingleton<TimeProvider>(_scenario.Time);
        Services.AddSingleton(_scenario.Contacts);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Coordinator_reads_the_match_contacts_newest_first_with_their_notes()
    {
        await _scenario.AddContactAsync(_scenario.Match, new DateOnly(2026, 9, 14));
        await _scenario.AddContactAsync(_scenario.Match, new DateOnly(2026, 11, 2), followUp: true);

        var list = RenderList(_scenario.Coordinator);

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-contact-id]").Count), WaitTimeout);
        var rows = list.FindAll("[data-contact-id]");
        Assert.Contains("2 Nov 2026", rows[0].TextContent);
        Assert.Contains("Follow-up needed", rows[0].TextContent);
        Assert.Contains("Checked in by phone.", rows[1].TextContent);
        Assert.DoesNotContain("Follow-up needed", rows[1].TextContent);
        Assert.Contains("Marta Test", rows[1].TextContent);
    }

    [Fact]
    public async Task Mentor_sees_no_contact_and_no_note_where_the_list_is_embedded()
    {
        await _scenario.AddContactAsync(_scenario.Match, new DateOnly(2026, 11, 2));

        var list = RenderList(_scenario.Mentor);

        list.WaitForElement("#contacts-unavailable", WaitTimeout);
        Assert.Empty(list.FindAll("[data-contact-id]"));
        Assert.Empty(list.FindAll("#log-contact"));
        Assert.DoesNotContain("Checked in by phone.", list.Markup);
    }

    [Fact]
    public async Task Logged_contact_appears_in_the_list_after_the_dialog_saves_it()
    {
        var list = RenderList(_scenario.Coordinator);

        OpenDialogAndChoose(list, ContactPerson.Family, ContactChannel.VideoCall);
        _dialogs.Find("#contact-note").Change("Spoke with Selam's father about the school trip.");
        _dialogs.Find("#contact-follow-up").Change(true);
        await _dialogs.Find("#contact-save").ClickAsync();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-contact-id]")), WaitTimeout);
        var row = list.Find("[data-contact-id]");
        Assert.Contains("Spoke with Selam's father about the school trip.", row.TextContent);
        Assert.Contains("Family", row.TextContent);
        Assert.Contains("Video call", row.TextContent);
        Assert.Contains("Follow-up needed", row.TextContent);
        Assert.Empty(_dialogs.FindAll("#log-contact-dialog"));
    }

    [Fact]
    public void Double_tap_on_log_contact_opens_one_dialog()
    {
        var list = RenderList(_scenario.Coordinator);
        list.WaitForElement("#contacts-empty", WaitTimeout);

        list.Find("#log-contact").Click();
        list.Find("#log-contact").Click();

        _dialogs.WaitForElement("#contact-save", WaitTimeout);
        Assert.Single(_dialogs.FindAll("#log-contact-dialog"));
    }

    [Fact]
    public void Dialog_says_what_is_missing_and_saves_nothing()
    {
        var list = RenderList(_scenario.Coordinator);
        list.WaitForElement("#contacts-empty", WaitTimeout);

        list.Find("#log-contact").Click();
        _dialogs.WaitForElement("#contact-save", WaitTimeout).Click();

        _dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("Choose who you were in contact with.", _dialogs.Find("#contact-with-error").TextContent);
            Assert.Contains("Choose how you were in contact.", _dialogs.Find("#contact-channel-error").TextContent);
        }, WaitTimeout);
        Assert.Empty(list.FindAll("[data-contact-id]"));
    }

    [Fact]
    public async Task Dialog_shows_the_server_refusal_and_stays_open()
    {
        // Closed yesterday: today's date, the dialog's default, is after the closure.
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Matches.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MatchStatus.Closed)
                .SetProperty(m => m.ClosureDate, _scenario.Time.Today.AddDays(-1)));
        }

        var list = RenderList(_scenario.Coordinator);
        OpenDialogAndChoose(list, ContactPerson.Mentor, ContactChannel.Phone);
        await _dialogs.Find("#contact-save").ClickAsync();

        _dialogs.WaitForAssertion(
            () => Assert.Contains("The contact date is after the match was closed.", _dialogs.Markup), WaitTimeout);
        Assert.NotNull(_dialogs.Find("#log-contact-dialog"));
        Assert.Empty(list.FindAll("[data-contact-id]"));
    }

    private IRenderedComponent<SupportContactList> RenderList(Person viewer)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(viewer.DisplayName);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, viewer.Id));
        RenderAs(interactive: true);
        RenderPopoverProvider();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<SupportContactList>(parameters => parameters
            .Add(p => p.ProgrammeId, _scenario.Programme.Id)
            .Add(p => p.MatchId, _scenario.Match.Id));
    }

    private void OpenDialogAndChoose(
        IRenderedComponent<SupportContactList> list, ContactPerson with, ContactChannel channel)
    {
        list.WaitForElement("#contacts-empty", WaitTimeout);
        list.Find("#log-contact").Click();
        _dialogs.WaitForElement("#contact-save", WaitTimeout);
        _dialogs.Find($"input[data-with='{with}']").Click();
        _dialogs.Find($"input[data-channel='{channel}']").Click();
    }
}
