using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Dashboard;

public sealed class DashboardCardsTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private FeatureServices _services = null!;
    private Programme _programme = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = new FeatureServices(_database, _time);
        var data = new TestData(_database);
        var network = await data.AddNetworkAsync();
        _programme = await data.AddProgrammeAsync(network.Id, "Harbour Mentors");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Programme_that_never_chose_shows_every_card_in_catalogue_order()
    {
        var layout = await _services.Cards.GetLayoutAsync(_programme.Id);

        Assert.Equal(DashboardCards.FixedCards, layout);
    }

    [Fact]
    public async Task Chosen_cards_are_shown_in_the_chosen_order_and_open_dashboards_are_told()
    {
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _services.Events.Subscribe(
            _programme.Id, _ => { told.TrySetResult(); return Task.CompletedTask; }, TimeSpan.Zero);

        var refusal = await _services.Cards.SaveLayoutAsync(
            _programme.Id, [DashboardCards.NeedAttention, DashboardCards.Headline]);

        Assert.Null(refusal);
        await told.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var data = await _services.Dashboard.LoadAsync(_programme.Id);
        Assert.Equal([DashboardCards.NeedAttention, DashboardCards.Headline], data.Cards.Select(c => c.Key));
    }

    [Theory]
    [InlineData(new string[0], "Choose at least one card.")]
    [InlineData(new[] { "headline", "no-such-card" }, "There is no card 'no-such-card'.")]
    [InlineData(new[] { "headline", "topics", "headline" }, "A card can be shown only once.")]
    public async Task Invalid_choice_is_refused_and_the_stored_layout_stays(string[] keys, string message)
    {
        await _services.Cards.SaveLayoutAsync(_programme.Id, [DashboardCards.Topics]);

        var refusal = await _services.Cards.SaveLayoutAsync(_programme.Id, keys);

        Assert.Equal(message, refusal);
        await using var db = await _database.OpenAsync();
        Assert.Equal(
            [DashboardCards.Topics],
            await db.Set<ProgrammeDashboardCard>().Select(c => c.CardKey).ToListAsync());
    }
}
