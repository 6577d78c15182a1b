using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Framework;
using MentorDashboard.Tests.Support;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Framework;

public sealed class ProgrammeAdaptationTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private FeatureServices _features = null!;
    private Programme _programme = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        var network = await data.AddNetworkAsync();
        _programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");

        Services.AddSingleton(_features.FrameworkEditing);
        Services.AddSingleton(_features.FrameworkVersions);
        Services.AddSingleton(_features.Adaptation);
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Switching_a_network_topic_off_hides_it_from_the_programme()
    {
        var page = RenderPage();
        page.WaitForElement("tr[data-key='topic.language'] input[type='checkbox']", WaitTimeout);

        page.Find("tr[data-key='topic.language'] input[type='checkbox']").Change(false);

        page.WaitForAssertion(
            () => Assert.Contains("Hidden", page.Find("tr[data-key='topic.language']").TextContent), WaitTimeout);
        var framework = await _features.Framework.GetForProgrammeAsync(_programme.Id, CancellationToken.None);
        Assert.DoesNotContain(framework.Topics, t => t.Key == "topic.language");
    }

    [Fact]
    public void Local_topic_outside_the_programme_namespace_shows_the_rule()
    {
        var page = RenderPage();
        page.WaitForElement("#local-topic-new-key", WaitTimeout);

        page.Find("#local-topic-new-key").Change("topic.boats");
        page.Find("#local-topic-new-label").Change("Boats");
        page.Find("#local-topic-add").Click();

        page.WaitForAssertion(
            () => Assert.Contains("A local key must start with local.harbour-mentors.", page.Markup), WaitTimeout);
    }

    private IRenderedComponent<ProgrammeAdaptation> RenderPage()
    {
        RenderPopoverProvider();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<ProgrammeAdaptation>(parameters => parameters.Add(p => p.ProgrammeId, _programme.Id));
    }
}
