using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Matches;

/// <summary>Base of the matches pages' component tests: a fresh <see cref="MatchScenario"/>, signed in as Marta.
/// </summary>
public abstract class MatchPageContext : MudTestContext, IAsyncLifetime
{
    internal MatchScenario Scenario { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Scenario = await MatchScenario.CreateAsync();
        Scenario.AddPageServices(this);
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Scenario.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
