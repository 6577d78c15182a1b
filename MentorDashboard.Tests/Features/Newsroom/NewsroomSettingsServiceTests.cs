using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Tests.Features.PublicNewsroom;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Newsroom;

public sealed class NewsroomSettingsServiceTests : IAsyncLifetime
{
    private PublicScenario _scenario = null!;

    private NewsroomSettingsService Settings => _scenario.Services.Settings;

    private int ProgrammeId => _scenario.Programme.Id;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PublicScenario.CreateAsync();
        await _scenario.SetNewsroomAsync(isPublic: false, requiresModeration: false);
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Newsroom_is_private_until_a_coordinator_makes_it_public_which_is_audited()
    {
        Assert.Equal(new NewsroomVisibility(false, false), await Settings.GetAsync(ProgrammeId));

        await Settings.SaveAsync(ProgrammeId, new NewsroomVisibility(true, true), _scenario.Coordinator.Id);

        Assert.Equal(new NewsroomVisibility(true, true), await Settings.GetAsync(ProgrammeId));
        await using var db = await _scenario.Database.OpenAsync();
        var audit = await db.Set<AuditEntry>().SingleAsync();
        Assert.Equal(
            (AuditKind.NewsroomSettingsChanged, _scenario.Coordinator.Id, ProgrammeId),
            (audit.Kind, audit.ActorId, audit.ProgrammeId));
        Assert.Equal("IsPublic=True; RequiresModeration=True", audit.Detail);
    }

    [Fact]
    public async Task Mentees_are_listed_with_their_safeguarding_details()
    {
        await _scenario.UpdateMenteeAsync(p =>
        {
            p.Nickname = "Sunny";
            p.IsMinor = true;
            p.GuardianConsentAtUtc = new DateTime(2026, 10, 2, 0, 0, 0, DateTimeKind.Utc);
        });

        var mentee = Assert.Single(await Settings.ListMenteesAsync(ProgrammeId));

        Assert.Equal(
            new MenteeSafeguarding(_scenario.Mentee.Id, "Selam Tesfaye", "Sunny", true, new DateOnly(2026, 10, 2)),
            mentee);
    }

    [Fact]
    public async Task Guardian_consent_is_recorded_and_withdrawn_and_each_change_is_audited()
    {
        var input = Input(isMinor: true, consentOn: new DateTime(2026, 12, 1), nickname: "Sunny Side");

        Assert.Null(await Settings.SaveMenteeAsync(ProgrammeId, input, _scenario.Coordinator.Id));
        input.GuardianConsentOn = null;
        Assert.Null(await Settings.SaveMenteeAsync(ProgrammeId, input, _scenario.Coordinator.Id));

        await using var db = await _scenario.Database.OpenAsync();
        var person = await db.Users.SingleAsync(p => p.Id == _scenario.Mentee.Id);
        Assert.Equal(
            ("Sunny Side", true, (DateTime?)null), (person.Nickname, person.IsMinor, person.GuardianConsentAtUtc));
        var details = await db.Set<AuditEntry>()
            .Where(a => a.Kind == AuditKind.GuardianConsentChanged && a.SubjectId == _scenario.Mentee.Id)
            .OrderBy(a => a.Id)
            .Select(a => a.Detail)
            .ToListAsync();
        Assert.Equal(["IsMinor=True; Consent=2026-12-01", "IsMinor=True; Consent=none"], details);
    }

    [Fact]
    public async Task Mentee_also_in_a_programme_the_coordinator_does_not_run_is_left_unchanged()
    {
        var other = await _scenario.Data.AddProgrammeAsync(_scenario.Programme.NetworkId, "Hilltop Mentors");
        await using (var db = await _scenario.Database.OpenAsync())
        {
            db.Memberships.Add(
                new Membership { PersonId = _scenario.Mentee.Id, ProgrammeId = other.Id, Role = ProgrammeRole.Mentee });
            await db.SaveChangesAsync();
        }

        var error = await Settings.SaveMenteeAsync(
            ProgrammeId, Input(isMinor: false, consentOn: new DateTime(2026, 12, 1), null), _scenario.Coordinator.Id);

        Assert.StartsWith("This mentee is also in a programme you do not coordinate", error, StringComparison.Ordinal);
        await using var check = await _scenario.Database.OpenAsync();
        var person = await check.Users.SingleAsync(p => p.Id == _scenario.Mentee.Id);
        Assert.Equal((false, (DateTime?)null), (person.IsMinor, person.GuardianConsentAtUtc));
    }

    [Theory]
    [InlineData("SelamTesfaye", "A nickname cannot be the mentee's real first or last name.")]
    [InlineData("Sélam Side", "A nickname cannot be the mentee's real first or last name.")]
    [InlineData("Selam", "A nickname cannot be the mentee's real first or last name.")]
    [InlineData("tesfaye", "A nickname cannot be the mentee's real first or last name.")]
    [InlineData("Little Selam", "A nickname cannot be the mentee's real first or last name.")]
    [InlineData("Sunny <b>", "A nickname can hold only letters, digits, spaces and hyphens.")]
    [InlineData("Sunny_Side", "A nickname can hold only letters, digits, spaces and hyphens.")]
    [InlineData("A nickname that is far too long to be a nickname", "A nickname can be at most 40 characters long.")]
    public async Task Invalid_nickname_is_refused_and_nothing_changes(string nickname, string error)
    {
        var result = await Settings.SaveMenteeAsync(
            ProgrammeId, Input(isMinor: true, consentOn: null, nickname), _scenario.Coordinator.Id);

        Assert.Equal(error, result);
        await AssertMenteeUnchangedAsync();
    }

    [Fact]
    public async Task Consent_dated_in_the_future_is_refused()
    {
        var result = await Settings.SaveMenteeAsync(
            ProgrammeId, Input(isMinor: true, consentOn: new DateTime(2026, 12, 4), null), _scenario.Coordinator.Id);

        Assert.Equal("The date of the guardian's consent cannot be in the future.", result);
        await AssertMenteeUnchangedAsync();
    }

    [Fact]
    public async Task Person_who_is_not_a_mentee_of_the_programme_cannot_be_changed()
    {
        var input = new MenteeSafeguardingInput { PersonId = _scenario.Mentor.Id, IsMinor = true };

        var result = await Settings.SaveMenteeAsync(ProgrammeId, input, _scenario.Coordinator.Id);

        Assert.Equal("This person is not a mentee in this programme.", result);
        await using var db = await _scenario.Database.OpenAsync();
        Assert.False((await db.Users.SingleAsync(p => p.Id == _scenario.Mentor.Id)).IsMinor);
    }

    private MenteeSafeguardingInput Input(bool isMinor, DateTime? consentOn, string? nickname) => new()
    {
        PersonId = _scenario.Mentee.Id,
        IsMinor = isMinor,
        GuardianConsentOn = consentOn,
        Nickname = nickname,
    };

    private async Task AssertMenteeUnchangedAsync()
    {
        await using var db = await _scenario.Database.OpenAsync();
        var person = await db.Users.SingleAsync(p => p.Id == _scenario.Mentee.Id);
        Assert.Equal((null, false), (person.Nickname, person.IsMinor));
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync());
    }
}
