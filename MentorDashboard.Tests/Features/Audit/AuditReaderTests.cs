using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Features.Audit;

public sealed class AuditReaderTests : IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 11, 2, hour: 9);
    private TestDatabase _database = null!;
    private AuditLog _log = null!;
    private AuditReader _reader = null!;
    private Network _network = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Person _otherAdmin = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        _log = new AuditLog(_database.Factory, _time);
        _reader = new AuditReader(_database.Factory, NullLogger<AuditReader>.Instance);
        _network = await data.AddNetworkAsync();
        _programme = await data.AddProgrammeAsync(_network.Id, "Harbour Mentors");
        _coordinator = await data.AddPersonAsync("Marta Test", _programme.Id, ProgrammeRole.Coordinator);
        var otherNetwork = await data.AddNetworkAsync("Valley Network");
        var otherProgramme = await data.AddProgrammeAsync(otherNetwork.Id, "Valley Mentors");
        _otherAdmin = await data.AddPersonAsync("Oriol Test", otherProgramme.Id, ProgrammeRole.Coordinator);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Admin_reads_only_their_networks_entries_newest_first_with_names()
    {
        await WriteAsync(new(2026, 11, 1), AuditKind.SignedIn, _coordinator.Id);
        await WriteAsync(new(2026, 11, 2), AuditKind.Exported, _coordinator.Id, _programme.Id, "posts.csv");
        await WriteAsync(new(2026, 11, 3), AuditKind.SignedIn, _otherAdmin.Id);

        var page = await _reader.ReadAsync(_network.Id, new AuditQuery(null, null, null, 0, 25));

        Assert.Equal(2, page.Total);
        Assert.Equal([AuditKind.Exported, AuditKind.SignedIn], page.Rows.Select(r => r.Kind));
        Assert.All(page.Rows, r => Assert.Equal("Marta Test", r.ActorName));
        Assert.Equal("Harbour Mentors", page.Rows[0].ProgrammeName);
        Assert.Equal("posts.csv", page.Rows[0].Detail);
    }

    [Fact]
    public async Task Actor_name_is_resolved_when_read_so_a_renamed_person_shows_the_new_name()
    {
        await WriteAsync(new(2026, 11, 1), AuditKind.SignedIn, _coordinator.Id);
        await using (var db = await _database.OpenAsync())
        {
            var person = await db.Users.FindAsync(_coordinator.Id);
            person!.DisplayName = "Marta Renamed";
            await db.SaveChangesAsync();
        }

        var page = await _reader.ReadAsync(_network.Id, new AuditQuery(null, null, null, 0, 25));

        Assert.Equal("Marta Renamed", Assert.Single(page.Rows).ActorName);
    }

    [Fact]
    public async Task Kind_and_days_narrow_the_entries()
    {
        await WriteAsync(new(2026, 10, 30), AuditKind.SignedIn, _coordinator.Id);
        await WriteAsync(new(2026, 10, 31), AuditKind.SignInFailed, _coordinator.Id);
        await WriteAsync(new(2026, 11, 1), AuditKind.SignedIn, _coordinator.Id);
        await WriteAsync(new(2026, 11, 2), AuditKind.SignedIn, _coordinator.Id);

        var signIns = await _reader.ReadAsync(
            _network.Id, new AuditQuery(AuditKind.SignedIn, null, null, 0, 25));
        var days = await _reader.ReadAsync(
            _network.Id, new AuditQuery(null, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 1), 0, 25));

        Assert.Equal(3, signIns.Total);
        Assert.Equal(
            [new DateTime(2026, 11, 1, 9, 0, 0), new DateTime(2026, 10, 31, 9, 0, 0)],
            days.Rows.Select(r => r.AtUtc));
    }

    [Fact]
    public async Task Pages_follow_each_other_and_a_huge_page_size_is_capped()
    {
        for (var day = 1; day <= 5; day++)
        {
            await WriteAsync(new(2026, 10, day), AuditKind.SignedIn, _coordinator.Id);
        }

        var second = await _reader.ReadAsync(_network.Id, new AuditQuery(null, null, null, 2, 2));
        var huge = await _reader.ReadAsync(_network.Id, new AuditQuery(null, null, null, -5, 1_000_000));

        Assert.Equal(5, second.Total);
        Assert.Equal([3, 2], second.Rows.Select(r => r.AtUtc.Day));
        Assert.Equal(5, huge.Rows.Count);
    }

    private async Task WriteAsync(
        DateOnly day, AuditKind kind, string actorId, int? programmeId = null, string? detail = null)
    {
        _time.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        await _log.WriteAsync(kind, actorId, programmeId, detail: detail);
    }
}
