using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.People;

public sealed class PeopleServiceTests : IAsyncLifetime
{
    private PeopleScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PeopleScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Members_are_listed_a_page_at_a_time_by_name_and_found_by_name_or_address()
    {
        for (var i = 1; i <= 250; i++)
        {
            await _scenario.Data.AddPersonAsync($"Mentor {i:000}", _scenario.Harbour.Id, ProgrammeRole.Mentor);
        }

        var marta = PeopleScenario.As(_scenario.Marta);
        var first = await _scenario.People.ListMembersAsync(marta, _scenario.Harbour.Id, new(null, 0, 25));
        var last = await _scenario.People.ListMembersAsync(marta, _scenario.Harbour.Id, new(null, 10, 25));
        var byName = await _scenario.People.ListMembersAsync(marta, _scenario.Harbour.Id, new("mentor 12", 0, 25));
        var byAddress = await _scenario.People.ListMembersAsync(marta, _scenario.Harbour.Id, new("MARTA.", 0, 25));
        var wildcard = await _scenario.People.ListMembersAsync(marta, _scenario.Harbour.Id, new("%", 0, 25));

        Assert.Equal(251, first!.Total);
        Assert.Equal(25, first.Rows.Count);
        Assert.Equal("Marta Coordinator", first.Rows[0].Name);
        Assert.Equal("Mentor 250", Assert.Single(last!.Rows).Name);
        Assert.Equal(Enumerable.Range(120, 10).Select(i => $"Mentor {i}"), byName!.Rows.Select(r => r.Name));
        Assert.Equal(_scenario.Marta.Email, Assert.Single(byAddress!.Rows).Email);
        Assert.Equal(0, wildcard!.Total);
    }

    [Fact]
    public async Task Members_are_for_the_programme_coordinators_only()
    {
        var listed = await _scenario.People.ListMembersAsync(
            PeopleScenario.As(_scenario.Jonas), _scenario.Harbour.Id, new(null, 0, 25));

        Assert.Null(listed);
    }

    [Fact]
    public async Task Removing_a_role_ends_the_membership_renews_the_security_stamp_and_is_audited()
    {
        var mentor = await _scenario.AddAccountAsync("Iker Mentor", _scenario.Harbour.Id, ProgrammeRole.Mentor);
        var stamp = (await _scenario.PersonAsync(mentor.Email!))!.SecurityStamp;
        var membershipId = await MembershipIdAsync(mentor, ProgrammeRole.Mentor);

        var result = await _scenario.People.RemoveRoleAsync(
            PeopleScenario.As(_scenario.Marta), _scenario.Harbour.Id, membershipId);

        Assert.True(result.Succeeded);
        Assert.Empty(await _scenario.RolesOfAsync(mentor.Email!, _scenario.Harbour.Id));
        Assert.NotEqual(stamp, (await _scenario.PersonAsync(mentor.Email!))!.SecurityStamp);
        Assert.Equal([AuditKind.RoleRemoved], await _scenario.AuditKindsAsync());
    }

    [Fact]
    public async Task Role_of_a_person_without_an_account_can_be_removed()
    {
        var mentee = await _scenario.Data.AddPersonAsync("Selam Mentee", _scenario.Harbour.Id, ProgrammeRole.Mentee);

        var result = await _scenario.People.RemoveRoleAsync(PeopleScenario.As(_scenario.Marta), _scenario.Harbour.Id,
            await MembershipIdAsync(mentee, ProgrammeRole.Mentee));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Last_coordinator_cannot_remove_their_own_role_but_can_once_another_is_there()
    {
        var own = await MembershipIdAsync(_scenario.Marta, ProgrammeRole.Coordinator);
        var marta = PeopleScenario.As(_scenario.Marta);

        var refused = await _scenario.People.RemoveRoleAsync(marta, _scenario.Harbour.Id, own);

        Assert.Contains("last coordinator", Assert.Single(refused.Errors).Message);
        Assert.Equal(
            [ProgrammeRole.Coordinator], await _scenario.RolesOfAsync(_scenario.Marta.Email!, _scenario.Harbour.Id));

        await _scenario.AddAccountAsync("Nora Coordinator", _scenario.Harbour.Id, ProgrammeRole.Coordinator);
        var allowed = await _scenario.People.RemoveRoleAsync(marta, _scenario.Harbour.Id, own);

        Assert.True(allowed.Succeeded);
    }

    [Fact]
    public async Task Coordinator_of_another_programme_cannot_remove_a_role()
    {
        var mentor = await _scenario.AddAccountAsync("Iker Mentor", _scenario.Harbour.Id, ProgrammeRole.Mentor);
        var membershipId = await MembershipIdAsync(mentor, ProgrammeRole.Mentor);

        var fromHarbour = await _scenario.People.RemoveRoleAsync(
            PeopleScenario.As(_scenario.Jonas), _scenario.Harbour.Id, membershipId);
        var fromRiver = await _scenario.People.RemoveRoleAsync(
            PeopleScenario.As(_scenario.Jonas), _scenario.River.Id, membershipId);

        Assert.False(fromHarbour.Succeeded);
        Assert.False(fromRiver.Succeeded);
        Assert.Equal([ProgrammeRole.Mentor], await _scenario.RolesOfAsync(mentor.Email!, _scenario.Harbour.Id));
    }

    [Fact]
    public async Task Network_admin_disables_and_enables_a_person_with_a_new_security_stamp_each_time()
    {
        var stamp = (await _scenario.PersonAsync(_scenario.Marta.Email!))!.SecurityStamp;
        var amira = PeopleScenario.As(_scenario.Amira);

        var disabled = await _scenario.People.SetDisabledAsync(amira, _scenario.Harbour.Id, _scenario.Marta.Id, true);
        var whileDisabled = await _scenario.PersonAsync(_scenario.Marta.Email!);

        Assert.True(disabled.Succeeded);
        Assert.Equal(_scenario.Time.GetUtcNow().UtcDateTime, whileDisabled!.DisabledAtUtc);
        Assert.NotEqual(stamp, whileDisabled.SecurityStamp);

        var enabled = await _scenario.People.SetDisabledAsync(amira, _scenario.Harbour.Id, _scenario.Marta.Id, false);

        Assert.True(enabled.Succeeded);
        Assert.Null((await _scenario.PersonAsync(_scenario.Marta.Email!))!.DisabledAtUtc);
        Assert.Equal([AuditKind.PersonDisabled, AuditKind.PersonEnabled], await _scenario.AuditKindsAsync());
    }

    [Fact]
    public async Task Coordinator_cannot_disable_and_admin_cannot_disable_outside_the_programme()
    {
        var mentor = await _scenario.AddAccountAsync("Iker Mentor", _scenario.Harbour.Id, ProgrammeRole.Mentor);

        var byCoordinator = await _scenario.People.SetDisabledAsync(
            PeopleScenario.As(_scenario.Marta), _scenario.Harbour.Id, mentor.Id, true);
        var notAMember = await _scenario.People.SetDisabledAsync(
            PeopleScenario.As(_scenario.Amira), _scenario.River.Id, mentor.Id, true);
        var self = await _scenario.People.SetDisabledAsync(
            PeopleScenario.As(_scenario.Amira), _scenario.Harbour.Id, _scenario.Amira.Id, true);

        Assert.Contains("network admin", Assert.Single(byCoordinator.Errors).Message);
        Assert.Contains("not a member", Assert.Single(notAMember.Errors).Message);
        Assert.False(self.Succeeded);
        Assert.Null((await _scenario.PersonAsync(mentor.Email!))!.DisabledAtUtc);
        Assert.Empty(await _scenario.AuditKindsAsync());
    }

    private async Task<int> MembershipIdAsync(Person person, ProgrammeRole role)
    {
        await using var db = await _scenario.Database.OpenAsync();
        return await db.Memberships
            .Where(m => m.PersonId == person.Id && m.ProgrammeId == _scenario.Harbour.Id && m.Role == role)
            .Select(m => m.Id)
            .SingleAsync();
    }
}
