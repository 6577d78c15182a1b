using System.Security.Claims;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Accounts;

/// <summary>What each role means for the programme policies, read from the stored roles.</summary>
public sealed class AuthorizationRolesTests : IAsyncLifetime
{
    private static readonly string[] ProgrammePolicyNames =
        [ProgrammePolicies.Member, ProgrammePolicies.Coordinator, ProgrammePolicies.ProgrammeAdmin];

    private TestDatabase _database = null!;
    private TestData _data = null!;
    private ProgrammeAccess _access = null!;
    private Programme _harbour = null!;
    private Programme _riverside = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _data = new TestData(_database);
        _access = new ProgrammeAccess(_database.Factory);
        var network = await _data.AddNetworkAsync("Coastal Network");
        _harbour = await _data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var otherNetwork = await _data.AddNetworkAsync("Inland Network");
        _riverside = await _data.AddProgrammeAsync(otherNetwork.Id, "Riverside Mentors");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(ProgrammeRole.Mentee, "ProgrammeMember")]
    [InlineData(ProgrammeRole.Mentor, "ProgrammeMember")]
    [InlineData(ProgrammeRole.Coordinator, "ProgrammeMember ProgrammeCoordinator")]
    public async Task Programme_role_passes_its_policies_in_its_own_programme_only(
        ProgrammeRole role, string passes)
    {
        var person = await _data.AddPersonAsync("Orla Fenwick", _harbour.Id, role);

        Assert.Equal(passes, await PassedAsync(person, _harbour));
        Assert.Equal("", await PassedAsync(person, _riverside));
    }

    [Fact]
    public async Task Network_admin_passes_every_policy_in_their_networks_programmes_only()
    {
        var admin = await _data.AddPersonAsync("Ansel Crowe");
        await SetAsync(admin, p => p.AdminOfNetworkId = _harbour.NetworkId);

        Assert.Equal("ProgrammeMember ProgrammeCoordinator ProgrammeAdmin", await PassedAsync(admin, _harbour));
        Assert.Equal("", await PassedAsync(admin, _riverside));
    }

    [Fact]
    public async Task Researcher_of_the_network_is_known_but_passes_no_programme_policy()
    {
        var researcher = await _data.AddPersonAsync("Ines Marlow");
        await SetAsync(researcher, p => p.ResearcherOfNetworkId = _harbour.NetworkId);

        var own = await _access.GetAsync(UserOf(researcher), _harbour.Id);
        var other = await _access.GetAsync(UserOf(researcher), _riverside.Id);

        Assert.True(own.IsResearcher);
        Assert.False(other.IsResearcher);
        Assert.Equal("", await PassedAsync(researcher, _harbour));
        Assert.Empty(await _access.ListForAsync(UserOf(researcher)));
    }

    [Fact]
    public async Task Disabled_person_keeps_no_right_in_their_programme()
    {
        var coordinator = await _data.AddPersonAsync("Wren Halloway", _harbour.Id, ProgrammeRole.Coordinator);

        await SetAsync(coordinator, p => p.DisabledAtUtc = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal("", await PassedAsync(coordinator, _harbour));
    }

    [Fact]
    public void Unknown_policy_is_a_programming_error_not_a_refusal()
    {
        var rights = new ProgrammeAccessRights(_harbour.Id, _harbour.Name, new HashSet<ProgrammeRole>(), true);

        Assert.Throws<ArgumentOutOfRangeException>(
            () => ProgrammePolicies.Allows(ProgrammePolicies.NetworkAdmin, rights));
    }

    /// <summary>The programme policies the person passes there, space-separated.</summary>
    private async Task<string> PassedAsync(Person person, Programme programme)
    {
        var rights = await _access.GetAsync(UserOf(person), programme.Id);
        return string.Join(" ", ProgrammePolicyNames.Where(policy => ProgrammePolicies.Allows(policy, rights)));
    }

    private static ClaimsPrincipal UserOf(Person person) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.Id)], "Test"));

    private async Task SetAsync(Person person, Action<Person> change)
    {
        await using var db = await _database.OpenAsync();
        change(await db.Users.SingleAsync(p => p.Id == person.Id));
        await db.SaveChangesAsync();
    }
}
