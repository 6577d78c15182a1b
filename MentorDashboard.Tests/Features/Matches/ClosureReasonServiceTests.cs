using MentorDashboard.Data;
using MentorDashboard.Features.Matches;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Matches;

public sealed class ClosureReasonServiceTests : IAsyncLifetime
{
    private MatchScenario _scenario = null!;
    private FeatureServices _services = null!;
    private Programme _programme = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await MatchScenario.CreateAsync();
        (_services, _programme) = (_scenario.Services, _scenario.Programme);
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Programme_without_reasons_starts_with_the_default_ones()
    {
        var reasons = await _services.ClosureReasons.ListAsync(_programme.Id);

        Assert.Equal(
            ["Goal reached", "Moved away", "Lost contact", "Scheduling", "Family decision", "Mentor withdrew"],
            reasons.Select(r => r.Label));
        Assert.Equal(6, await CountStoredAsync());
    }

    [Fact]
    public async Task Defaults_do_not_come_back_once_every_reason_is_retired()
    {
        foreach (var reason in await _services.ClosureReasons.ListAsync(_programme.Id))
        {
            await _services.ClosureReasons.SetRetiredAsync(_programme.Id, reason.Id, retired: true);
        }

        Assert.Empty(await _services.ClosureReasons.ListOfferedAsync(_programme.Id));
        Assert.Equal(6, await CountStoredAsync());
    }

    [Fact]
    public async Task Added_reason_comes_last_and_a_second_one_with_the_same_label_is_refused()
    {
        await _services.ClosureReasons.ListAsync(_programme.Id);

        var added = await _services.ClosureReasons.AddAsync(_programme.Id, "  Mentee started work ");
        var again = await _services.ClosureReasons.AddAsync(_programme.Id, "mentee STARTED work");

        Assert.Empty(added);
        Assert.Equal("The programme already has the reason mentee STARTED work.", Assert.Single(again).Text);
        Assert.Equal("Mentee started work", (await _services.ClosureReasons.ListAsync(_programme.Id))[^1].Label);
    }

    [Fact]
    public async Task Moving_a_reason_up_swaps_it_with_the_one_above()
    {
        var reasons = await _services.ClosureReasons.ListAsync(_programme.Id);

        await _services.ClosureReasons.MoveAsync(_programme.Id, reasons[2].Id, up: true);

        Assert.Equal(
            ["Goal reached", "Lost contact", "Moved away"],
            (await _services.ClosureReasons.ListAsync(_programme.Id)).Take(3).Select(r => r.Label));
    }

    [Fact]
    public async Task Renamed_or_retired_reason_leaves_closed_matches_reading_as_they_were_closed()
    {
        var reason = await _scenario.ReasonAsync("Moved away");
        await _scenario.CloseAsync(reason.Id, new DateTime(2026, 11, 1));

        await _services.ClosureReasons.RenameAsync(_programme.Id, reason.Id, "Moved to another city");
        await _services.ClosureReasons.SetRetiredAsync(_programme.Id, reason.Id, retired: true);

        var details = await _services.Matches.GetAsync(_programme.Id, _scenario.Match.Id);
        Assert.Equal("Moved away", details!.ClosureReason);
        var listed = (await _services.ClosureReasons.ListAsync(_programme.Id)).Single(r => r.Id == reason.Id);
        Assert.Equal(("Moved to another city", true, 1), (listed.Label, listed.IsRetired, listed.Matches));
        Assert.DoesNotContain(
            await _services.ClosureReasons.ListOfferedAsync(_programme.Id), r => r.Id == reason.Id);
    }

    [Fact]
    public async Task Reason_of_another_programme_cannot_be_renamed_through_this_one()
    {
        var other = await _scenario.Data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var othersReason = (await _services.ClosureReasons.ListAsync(other.Id))[0];

        var errors = await _services.ClosureReasons.RenameAsync(_programme.Id, othersReason.Id, "Renamed");

        Assert.Equal("That closure reason is not part of this programme.", Assert.Single(errors).Text);
        Assert.Equal("Goal reached", (await _services.ClosureReasons.ListAsync(other.Id))[0].Label);
    }

    private async Task<int> CountStoredAsync()
    {
        await using var db = await _scenario.Database.OpenAsync();
        return await db.Set<ClosureReason>().CountAsync(r => r.ProgrammeId == _programme.Id);
    }
}
