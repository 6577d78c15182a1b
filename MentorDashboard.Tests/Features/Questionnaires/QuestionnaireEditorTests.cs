using System.Security.Claims;
using Bunit;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Tests.Support;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Questionnaires;

public sealed class QuestionnaireEditorTests : MudTestContext, IAsyncLifetime
{
    private QuestionnaireScenario _scenario = null!;

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
        RenderPopoverProvider();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        var editor = Render<QuestionnaireEditor>(p => p.Add(e => e.QuestionnaireId, _scenario.Youth.Id));
        editor.WaitForElement("#item-new-key", WaitTimeout);

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
}
