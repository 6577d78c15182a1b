using System.Security.Claims;
using Bunit;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Questionnaires;

public sealed class QuestionnaireEditorTests : MudTestContext, IAsyncLifetime
{
    private QuestionnaireScenario _scenario = null!;
    private IRenderedComponent<MudPopoverProvider> _popovers = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await QuestionnaireScenario.CreateAsync();
        var admin = await _scenario.Data.AddPersonAsync("Helena Admin");
        await using (var db = await _scenario.Database.OpenAsync())
        {
            (await db.Users.FindAsync(admin.Id))!.AdminOfNetworkId = _scenario.Network.Id;
            await db.SaveChangesAsync();
        }

        var features = new FeatureServices(_scenario.Database, FixedTime.At(2026, 5, 3));
        Services.AddSingleton(features.QuestionnaireEditing);
        Services.AddSingleton(new ProgrammeAccess(_scenario.Database.Factory));
        Services.AddAppLocalization(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Localization:Cultures:0"] = "en-GB",
                ["Localization:Cultures:1"] = "en-US",
                ["Localization:Cultures:2"] = "es-ES",
            })
            .Build());
        var authorization = AddAuthorization();
        authorization.SetAuthorized("helena.admin@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id));
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scenario.Database.DisposeAsync();
    }

    [Fact]
    public void Question_without_text_shows_why_and_a_question_with_text_is_added_last()
    {
        var editor = RenderEditor("#item-new-key");

        editor.Find("#item-new-key").Change("youth.laugh");
        editor.Find("#item-add").Click();

        editor.WaitForAssertion(() => Assert.Contains("Enter the question's text.", editor.Markup), WaitTimeout);
        Assert.Equal(10, editor.FindAll("#items tbody tr").Count);

        editor.Find("#item-new-text").Change("We laugh together.");
        editor.Find("#item-add").Click();

        editor.WaitForAssertion(
            () => Assert.Equal("youth.laugh", editor.FindAll("#items tbody tr")[^1].GetAttribute("data-key")),
            WaitTimeout);
        Assert.DoesNotContain("Enter the question's text.", editor.Markup);
    }

    [Fact]
    public void Unsaved_band_and_question_keep_what_was_typed_while_the_settings_change_and_are_saved()
    {
        var editor = RenderEditor("#settings-title");
        var bandLabel = $"[data-scale='{DemoQuestionnaires.YouthScale}'] .band-label input";
        var trustText = "#items tr[data-key='youth.trust'] textarea";

        editor.Find(bandLabel).Change("Worrying");
        editor.Find(trustText).Change("I can count on my mentor.");
        editor.Find("#settings-title").Change("How are you and your mentor?");
        editor.Find("#settings-save").Click();

        editor.WaitForAssertion(
            () => Assert.Equal("How are you and your mentor?", editor.Find("h1").TextContent), WaitTimeout);
        Assert.Equal("Worrying", editor.Find(bandLabel).GetAttribute("value"));
        Assert.Equal("I can count on my mentor.", editor.Find(trustText).GetAttribute("value"));
    }

    [Fact]
    public void Each_section_says_it_holds_changes_until_its_own_save_is_pressed()
    {
        var editor = RenderEditor("#settings-title");
        var scale = $"[data-scale='{DemoQuestionnaires.YouthScale}']";
        var trust = "#items tr[data-key='youth.trust']";
        Assert.Empty(editor.FindAll(".unsaved"));
        Assert.DoesNotContain("mud-button-filled", editor.Find($"{trust} .item-save").ClassName);

        editor.Find("#settings-title").Change("How are you and your mentor?");
        editor.Find($"{scale} .band-label input").Change("Worrying");
        editor.Find($"{trust} textarea").Change("I can count on my mentor.");

        Assert.Equal(2, editor.FindAll(".unsaved").Count);
        Assert.Contains("mud-button-filled", editor.Find($"{trust} .item-save").ClassName);

        editor.Find("#settings-save").Click();
        editor.WaitForAssertion(() => Assert.Single(editor.FindAll(".unsaved")), WaitTimeout);
        Assert.Single(editor.FindAll($"{scale} .unsaved"));

        editor.FindAll($"{scale} button").Single(b => b.TextContent.Contains("Save scale")).Click();
        editor.Find($"{trust} .item-save").Click();
        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll(".unsaved")), WaitTimeout);
        editor.WaitForAssertion(
            () => Assert.DoesNotContain("mud-button-filled", editor.Find($"{trust} .item-save").ClassName),
            WaitTimeout);
    }

    [Fact]
    public void Question_is_retired_only_once_the_admin_confirms_even_with_its_text_changed()
    {
        var editor = RenderEditor("#items");
        var trust = "#items tr[data-key='youth.trust']";
        editor.Find($"{trust} textarea").Change("I can count on my mentor.");

        editor.Find($"{trust} button[aria-label='Retire']").Click();
        _dialogs.WaitForElement(".mud-dialog", WaitTimeout);
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Cancel")).Click();
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll(".mud-dialog")), WaitTimeout);

        Assert.DoesNotContain("Retired", editor.Find(trust).TextContent, StringComparison.Ordinal);

        editor.Find($"{trust} button[aria-label='Retire']").Click();
        _dialogs.WaitForElement(".mud-dialog", WaitTimeout);
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Retire")).Click();

        editor.WaitForAssertion(
            () => Assert.Contains("Retired", editor.Find(trust).TextContent, StringComparison.Ordinal), WaitTimeout);
    }

    [Fact]
    public void Question_offers_a_text_in_each_other_language_but_not_in_another_english()
    {
        var editor = RenderEditor("#items");

        var trust = editor.Find("#items tr[data-key='youth.trust']");

        Assert.Contains("español (España)", trust.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("English", trust.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_kind_of_scale_relabels_the_ends_that_still_hold_the_old_kinds_labels()
    {
        var editor = RenderEditor("#settings-anchor-1");
        editor.Find("#settings-anchor-5").Change("All the time");

        editor.Find("#settings-kind").Closest(".mud-input-control")!.MouseDown();
        _popovers.WaitForElement(".mud-popover-open .mud-list-item", WaitTimeout);
        _popovers.FindAll(".mud-list-item")
            .First(item => item.TextContent.StartsWith("Agreement", StringComparison.Ordinal))
            .Click();

        editor.WaitForAssertion(
            () => Assert.Equal("Strongly disagree", editor.Find("#settings-anchor-1").GetAttribute("value")),
            WaitTimeout);
        Assert.Equal("Rarely", editor.Find("#settings-anchor-2").GetAttribute("value"));
        Assert.Equal("All the time", editor.Find("#settings-anchor-5").GetAttribute("value"));
    }

    /// <summary>The editor of the demo's youth questionnaire, once <paramref name="loaded"/> is there.</summary>
    private IRenderedComponent<QuestionnaireEditor> RenderEditor(string loaded)
    {
        _popovers = RenderPopoverProvider();
        _dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var editor = Render<QuestionnaireEditor>(p => p.Add(e => e.QuestionnaireId, _scenario.Youth.Id));
        editor.WaitForElement(loaded, WaitTimeout);
        return editor;
    }
}
