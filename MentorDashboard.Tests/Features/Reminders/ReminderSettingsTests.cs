using System.Net;
using System.Security.Claims;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Reminders;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Reminders;

/// <summary>The page where a person turns reminders on and off.</summary>
public sealed class ReminderSettingsTests : MudTestContext, IAsyncLifetime
{
    private ReminderScenario _scenario = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await ReminderScenario.CreateAsync();
        Services.AddSingleton(_scenario.Reminders);
        Services.AddSingleton(Options.Create(new SmtpOptions()));
        var authorization = AddAuthorization();
        authorization.SetAuthorized("iker.test@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, _scenario.Mentor.Id));
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Fact]
    public async Task Switching_email_reminders_off_saves_the_choice_at_once()
    {
        Render<MudSnackbarProvider>();
        var page = Render<ReminderSettings>();
        page.WaitForElement("#reminders-email", WaitTimeout);

        page.Find("#reminders-email").Change(false);

        page.WaitForAssertion(
            () => Assert.Equal("false", page.Find("#reminders-email").GetAttribute("aria-checked")), WaitTimeout);
        Assert.Equal(new ReminderChoices(true, false), await _scenario.Reminders.GetChoicesAsync(_scenario.Mentor.Id));
    }

    [Fact]
    public async Task Switch_in_a_tab_left_open_keeps_the_choice_another_tab_saved_meanwhile()
    {
        Render<MudSnackbarProvider>();
        var staleTab = Render<ReminderSettings>();
        staleTab.WaitForElement("#reminders-email", WaitTimeout);
        await _scenario.Reminders.SaveChoicesAsync(_scenario.Mentor.Id, new ReminderChoices(false, true));

        staleTab.Find("#reminders-email").Change(false);

        staleTab.WaitForAssertion(
            () => Assert.Equal("false", staleTab.Find("#reminders-email").GetAttribute("aria-checked")), WaitTimeout);
        Assert.Equal(new ReminderChoices(false, false), await _scenario.Reminders.GetChoicesAsync(_scenario.Mentor.Id));
    }

    [Fact]
    public async Task Page_shows_the_saved_choice_and_says_when_the_server_sends_no_email()
    {
        await _scenario.Reminders.SaveChoicesAsync(_scenario.Mentor.Id, new ReminderChoices(false, true));

        var page = Render<ReminderSettings>();

        page.WaitForElement("#reminders-in-app", WaitTimeout);
        Assert.Equal("false", page.Find("#reminders-in-app").GetAttribute("aria-checked"));
        Assert.Equal("true", page.Find("#reminders-email").GetAttribute("aria-checked"));
        Assert.NotNull(page.Find("#reminders-email-off"));
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in_and_a_signed_in_person_reaches_the_page_from_the_layout()
    {
        await using var app = await AppFactory.CreateAsync();
        var network = await app.Data.AddNetworkAsync();
        var programme = await app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var mentee = await app.Accounts.AddAsync("Selam Test", programme.Id, ProgrammeRole.Mentee);
        using var anonymous = app.CreateBrowserClient();
        using var signedIn = await app.CreateSignedInClientAsync(mentee);

        using var refused = await anonymous.GetAsync("/account/reminders");
        using var page = await signedIn.GetAsync("/account/reminders");
        var home = await signedIn.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith(AccountPages.LoginPath, refused.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("By e-mail", await page.Content.ReadAsStringAsync());
        Assert.Contains("href=\"/account/reminders\"", home);
    }
}
