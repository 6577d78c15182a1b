using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Matches;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Matches;

public sealed class MatchServiceTests : IAsyncLifetime
{
    private MatchScenario _scenario = null!;
    private TestDatabase _database = null!;
    private TestData _data = null!;
    private FeatureServices _services = null!;
    private Programme _programme = null!;
    private Person _coordinator = null!;
    private Person _mentor = null!;
    private Person _mentee = null!;
    private Match _match = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await MatchScenario.CreateAsync();
        (_database, _data, _services) = (_scenario.Database, _scenario.Data, _scenario.Services);
        (_programme, _coordinator, _mentor, _mentee, _match) = (
            _scenario.Programme, _scenario.Coordinator, _scenario.Mentor, _scenario.Mentee, _scenario.Match);
    }

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task New_match_is_saved_with_its_creation_and_announced_after_it_is_stored()
    {
        var mentee = await _data.AddPersonAsync("Oleh Test", _programme.Id, ProgrammeRole.Mentee);
        var storedWhenAnnounced = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _services.Events.Subscribe(_programme.Id, async _ =>
        {
            await using var db = await _database.OpenAsync();
            storedWhenAnnounced.TrySetResult(await db.Set<MatchStatusChange>().CountAsync());
        }, TimeSpan.Zero);

        var result = await _services.Matches.CreateAsync(_programme.Id, _coordinator.Id, new NewMatchInput
        {
            MentorId = _mentor.Id, MenteeId = mentee.Id, StartDate = new DateTime(2026, 12, 10),
        });

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Text)));
        Assert.Equal(1, await storedWhenAnnounced.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var match = await FindAsync(result.MatchId!.Value);
        Assert.Equal((MatchStatus.Active, new DateOnly(2026, 12, 10)), (match.Status, match.StartDate));
        var change = Assert.Single(await ChangesAsync(match.Id));
        Assert.Equal((null, MatchStatus.Active), (change.FromStatus, change.ToStatus));
        Assert.Equal(_coordinator.Id, change.ChangedById);
        Assert.Equal(_scenario.Time.Now.UtcDateTime, change.ChangedAtUtc);
    }

    [Fact]
    public async Task Match_can_have_started_ten_years_ago_but_not_earlier()
    {
        // The clock stands at 3 December 2026.
        var tenYearsAgo = await CreateWithNewMenteeAsync(start: new DateTime(2016, 12, 3));
        var earlier = await CreateWithNewMenteeAsync(start: new DateTime(1900, 1, 1));

        Assert.True(tenYearsAgo.Saved);
        var error = Assert.Single(earlier.Errors);
        Assert.Equal((MatchFields.Date, "A match can have started at most 10 years ago."), (error.Field, error.Text));
    }

    [Fact]
    public async Task Match_can_start_ninety_days_ahead_but_not_ninety_one()
    {
        var inNinety = await CreateWithNewMenteeAsync(start: new DateTime(2027, 3, 3));
        var inNinetyOne = await CreateWithNewMenteeAsync(start: new DateTime(2027, 3, 4));

        Assert.True(inNinety.Saved);
        var error = Assert.Single(inNinetyOne.Errors);
        Assert.Equal((MatchFields.Date, "A match can start at most 90 days from today."), (error.Field, error.Text));
    }

    [Fact]
    public async Task Match_between_people_without_those_roles_in_the_programme_is_refused()
    {
        var other = await _data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var outsider = await _data.AddPersonAsync("Pau Test", other.Id, ProgrammeRole.Mentee);

        var result = await _services.Matches.CreateAsync(_programme.Id, _coordinator.Id, new NewMatchInput
        {
            MentorId = _mentee.Id, MenteeId = outsider.Id, StartDate = new DateTime(2026, 12, 1),
        });

        Assert.Equal(
            [
                (MatchFields.Mentor, "The mentor must be a mentor in this programme."),
                (MatchFields.Mentee, "The mentee must be a mentee in this programme."),
            ],
            result.Errors.Select(e => (e.Field, e.Text)));
        Assert.Single(await AllMatchesAsync());
    }

    [Fact]
    public async Task Person_cannot_be_matched_with_themselves()
    {
        await AddMembershipAsync(_mentor, ProgrammeRole.Mentee);

        var result = await _services.Matches.CreateAsync(_programme.Id, _coordinator.Id, new NewMatchInput
        {
            MentorId = _mentor.Id, MenteeId = _mentor.Id, StartDate = new DateTime(2026, 12, 1),
        });

        Assert.Equal(
            "The mentor and the mentee must be two different people.", Assert.Single(result.Errors).Text);
    }

    [Fact]
    public async Task Pair_with_a_match_that_is_not_closed_gets_no_second_one()
    {
        var result = await _services.Matches.CreateAsync(_programme.Id, _coordinator.Id, new NewMatchInput
        {
            MentorId = _mentor.Id, MenteeId = _mentee.Id, StartDate = new DateTime(2026, 12, 1),
        });

        Assert.Equal(
            "These two already have a match in this programme that is not closed.",
            Assert.Single(result.Errors).Text);
    }

    [Fact]
    public async Task Pause_records_the_reason_and_expected_resumption()
    {
        var result = await _scenario.PauseAsync(new DateTime(2026, 12, 1), "Exams", new DateTime(2027, 1, 15));

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Text)));
        var match = await FindAsync(_match.Id);
        Assert.Equal(
            (MatchStatus.Paused, new DateOnly(2026, 12, 1), "Exams", new DateOnly(2027, 1, 15)),
            (match.Status, match.PausedOn, match.PauseReason, match.ExpectedResumeDate));
        var change = Assert.Single(await ChangesAsync(_match.Id));
        Assert.Equal(
            (MatchStatus.Active, MatchStatus.Paused, new DateOnly(2026, 12, 1), "Exams"),
            (change.FromStatus, change.ToStatus, change.EffectiveDate, change.Reason));
    }

    [Fact]
    public async Task Pause_needs_a_reason_and_a_resumption_after_it_begins()
    {
        var result = await _scenario.PauseAsync(new DateTime(2026, 12, 1), " ", new DateTime(2026, 12, 1));

        Assert.Equal(
            [
                (MatchFields.Reason, "Say why the pair is pausing."),
                (MatchFields.ExpectedResumeDate, "The expected resumption must come after the pause."),
            ],
            result.Errors.Select(e => (e.Field, e.Text)));
        Assert.Equal(MatchStatus.Active, (await FindAsync(_match.Id)).Status);
        Assert.Empty(await ChangesAsync(_match.Id));
    }

    [Fact]
    public async Task Resume_makes_a_paused_match_active_and_forgets_the_pause()
    {
        await _scenario.PauseAsync(new DateTime(2026, 11, 1), "Travel", new DateTime(2026, 12, 1));

        var result = await _services.Matches.ResumeAsync(
            _programme.Id, _match.Id, _coordinator.Id, new ResumeInput { ResumedOn = new DateTime(2026, 12, 2) });

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Text)));
        var match = await FindAsync(_match.Id);
        Assert.Equal(
            (MatchStatus.Active, (DateOnly?)null, (string?)null, (DateOnly?)null),
            (match.Status, match.PausedOn, match.PauseReason, match.ExpectedResumeDate));
        Assert.Equal(
            [(MatchStatus.Active, MatchStatus.Paused), (MatchStatus.Paused, MatchStatus.Active)],
            (await ChangesAsync(_match.Id)).Select(c => (c.FromStatus!.Value, c.ToStatus)));
    }

    [Fact]
    public async Task Resume_cannot_come_before_the_pause()
    {
        await _scenario.PauseAsync(new DateTime(2026, 11, 1), "Travel", new DateTime(2026, 12, 1));

        var result = await _services.Matches.ResumeAsync(
            _programme.Id, _match.Id, _coordinator.Id, new ResumeInput { ResumedOn = new DateTime(2026, 10, 31) });

        var error = Assert.Single(result.Errors);
        Assert.Equal("The date is before the pause began on 11/01/2026.", error.Text);
        Assert.Equal(MatchStatus.Paused, (await FindAsync(_match.Id)).Status);
    }

    [Theory]
    [InlineData(MatchStatus.Active, "Resume", "This match is not paused.")]
    [InlineData(MatchStatus.Paused, "Pause", "This match is already paused.")]
    [InlineData(MatchStatus.Closed, "Pause", "This match is closed; it can no longer be paused.")]
    [InlineData(MatchStatus.Closed, "Resume", "This match is closed; it cannot resume.")]
    [InlineData(MatchStatus.Closed, "Close", "This match is already closed.")]
    public async Task Impossible_transition_is_refused_with_a_clear_message(
        MatchStatus status, string action, string message)
    {
        var reason = await _scenario.ReasonAsync("Moved away");
        if (status != MatchStatus.Active)
        {
            await _scenario.PauseAsync(new DateTime(2026, 11, 1), "Travel", new DateTime(2026, 12, 1));
        }

        if (status == MatchStatus.Closed)
        {
            await _scenario.CloseAsync(reason.Id, new DateTime(2026, 11, 2));
        }

        var changesBefore = (await ChangesAsync(_match.Id)).Count;

        var result = action switch
        {
            "Pause" => await _scenario.PauseAsync(new DateTime(2026, 12, 2), "Exams", new DateTime(2027, 1, 10)),
            "Resume" => await _services.Matches.ResumeAsync(
                _programme.Id, _match.Id, _coordinator.Id, new ResumeInput { ResumedOn = new DateTime(2026, 12, 2) }),
            _ => await _scenario.CloseAsync(reason.Id, new DateTime(2026, 12, 2)),
        };

        Assert.Equal(message, Assert.Single(result.Errors).Text);
        Assert.Equal(status, (await FindAsync(_match.Id)).Status);
        Assert.Equal(changesBefore, (await ChangesAsync(_match.Id)).Count);
    }

    [Fact]
    public async Task Close_keeps_the_reason_label_date_and_note()
    {
        var reason = await _scenario.ReasonAsync("Moved away");

        var result = await _scenario.CloseAsync(
            reason.Id, new DateTime(2026, 11, 30), note: "  The family moved to Leeds. ");

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Text)));
        var match = await FindAsync(_match.Id);
        Assert.Equal(
            (MatchStatus.Closed, new DateOnly(2026, 11, 30), reason.Id, "Moved away", "The family moved to Leeds."),
            (match.Status, match.ClosureDate, match.ClosureReasonId, match.ClosureReason, match.ClosureNote));
        var change = Assert.Single(await ChangesAsync(_match.Id));
        Assert.Equal(
            (MatchStatus.Active, MatchStatus.Closed, "Moved away", "The family moved to Leeds."),
            (change.FromStatus, change.ToStatus, change.Reason, change.Note));
    }

    [Fact]
    public async Task Paused_match_can_be_closed_and_its_pause_ends()
    {
        var reason = await _scenario.ReasonAsync("Lost contact");
        await _scenario.PauseAsync(new DateTime(2026, 10, 1), "Illness", new DateTime(2026, 11, 1));

        var result = await _scenario.CloseAsync(reason.Id, new DateTime(2026, 12, 1));

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Text)));
        var match = await FindAsync(_match.Id);
        Assert.Equal((MatchStatus.Closed, (DateOnly?)null), (match.Status, match.PausedOn));
    }

    [Theory]
    [InlineData("2026-02-28", "The date is before the match started on 03/01/2026.")]
    [InlineData("2026-12-04", "The date cannot be in the future.")]
    public async Task Closure_date_must_lie_between_the_start_and_today(string date, string message)
    {
        var reason = await _scenario.ReasonAsync("Scheduling");

        var result = await _scenario.CloseAsync(reason.Id, DateTime.Parse(date, CultureInfo.InvariantCulture));

        var error = Assert.Single(result.Errors);
        Assert.Equal((MatchFields.Date, message), (error.Field, error.Text));
        Assert.Equal(MatchStatus.Active, (await FindAsync(_match.Id)).Status);
    }

    [Fact]
    public async Task Closure_before_the_pairs_last_meeting_is_refused()
    {
        var reason = await _scenario.ReasonAsync("Scheduling");
        await _data.AddPostAsync(_match, new DateOnly(2026, 11, 20));

        var result = await _scenario.CloseAsync(reason.Id, new DateTime(2026, 11, 19));

        Assert.Equal(
            "The pair met on 11/20/2026, after that date; choose their last meeting or later.",
            Assert.Single(result.Errors).Text);
    }

    [Fact]
    public async Task Closure_needs_a_reason_the_programme_still_offers()
    {
        var retired = await _scenario.ReasonAsync("Family decision");
        await _services.ClosureReasons.SetRetiredAsync(_programme.Id, retired.Id, retired: true);

        var result = await _scenario.CloseAsync(retired.Id, new DateTime(2026, 12, 1), note: new string('x', 1001));

        Assert.Equal(
            [
                (MatchFields.Reason, "Choose one of the programme's closure reasons."),
                (MatchFields.Note, "Keep the note under 1000 characters."),
            ],
            result.Errors.Select(e => (e.Field, e.Text)));
    }

    [Fact]
    public async Task Closure_reason_of_another_programme_is_refused()
    {
        var other = await _data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var othersReason = (await _services.ClosureReasons.ListOfferedAsync(other.Id))[0];

        var result = await _scenario.CloseAsync(othersReason.Id, new DateTime(2026, 12, 1));

        Assert.Equal("Choose one of the programme's closure reasons.", Assert.Single(result.Errors).Text);
    }

    [Fact]
    public async Task Match_of_another_programme_cannot_be_changed_through_this_one()
    {
        var other = await _data.AddProgrammeAsync(_programme.NetworkId, "Hilltop Mentors");
        var otherCoordinator = await _data.AddPersonAsync("Pau Test", other.Id, ProgrammeRole.Coordinator);
        var reason = await _scenario.ReasonAsync("Moved away");

        var throughOther = await _services.Matches.CloseAsync(other.Id, _match.Id, otherCoordinator.Id,
            new CloseInput { ClosureReasonId = reason.Id, ClosureDate = new DateTime(2026, 12, 1) });
        var byOutsider = await _services.Matches.CloseAsync(_programme.Id, _match.Id, otherCoordinator.Id,
            new CloseInput { ClosureReasonId = reason.Id, ClosureDate = new DateTime(2026, 12, 1) });

        Assert.Equal("That match is not part of this programme.", Assert.Single(throughOther.Errors).Text);
        Assert.Equal("You no longer coordinate this programme.", Assert.Single(byOutsider.Errors).Text);
        Assert.Equal(MatchStatus.Active, (await FindAsync(_match.Id)).Status);
        Assert.Empty(await ChangesAsync(_match.Id));
    }

    [Fact]
    public async Task Network_admin_may_change_matches_of_the_networks_programmes()
    {
        var admin = await _data.AddPersonAsync("Helena Test");
        await using (var db = await _database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == admin.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AdminOfNetworkId, _programme.NetworkId));
        }

        var result = await _services.Matches.PauseAsync(_programme.Id, _match.Id, admin.Id, new PauseInput
        {
            PausedOn = new DateTime(2026, 12, 1), Reason = "Exams", ExpectedResumeDate = new DateTime(2027, 1, 8),
        });

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Text)));
    }

    [Fact]
    public async Task Second_of_two_coordinators_closing_at_once_is_told_and_nothing_of_it_is_stored()
    {
        var reason = await _scenario.ReasonAsync("Goal reached");
        var other = await _scenario.ReasonAsync("Lost contact");
        var secondCoordinator = await _data.AddPersonAsync("Pau Test", _programme.Id, ProgrammeRole.Coordinator);

        // The first coordinator's close is held just before its save while the second one's runs to the end.
        var racing = new MatchService(
            new RacingFactory(_database, () => _services.Matches.CloseAsync(_programme.Id, _match.Id,
                secondCoordinator.Id,
                new CloseInput { ClosureReasonId = other.Id, ClosureDate = new DateTime(2026, 12, 2) })),
            _services.Events,
            _scenario.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MatchService>.Instance);

        var late = await racing.CloseAsync(_programme.Id, _match.Id, _coordinator.Id,
            new CloseInput { ClosureReasonId = reason.Id, ClosureDate = new DateTime(2026, 12, 1), Note = "Done" });

        Assert.Equal(
            "Someone else changed this match a moment ago. Look at it again before you change it.",
            Assert.Single(late.Errors).Text);
        var match = await FindAsync(_match.Id);
        Assert.Equal(
            ("Lost contact", new DateOnly(2026, 12, 2), (string?)null),
            (match.ClosureReason, match.ClosureDate, match.ClosureNote));
        var change = Assert.Single(await ChangesAsync(_match.Id));
        Assert.Equal(secondCoordinator.Id, change.ChangedById);
    }

    private async Task<MatchResult> CreateWithNewMenteeAsync(DateTime start)
    {
        var mentee = await _data.AddPersonAsync($"Mentee {start:yyyyMMdd}", _programme.Id, ProgrammeRole.Mentee);
        return await _services.Matches.CreateAsync(_programme.Id, _coordinator.Id, new NewMatchInput
        {
            MentorId = _mentor.Id, MenteeId = mentee.Id, StartDate = start,
        });
    }

    private async Task AddMembershipAsync(Person person, ProgrammeRole role)
    {
        await using var db = await _database.OpenAsync();
        db.Memberships.Add(new Membership { PersonId = person.Id, ProgrammeId = _programme.Id, Role = role });
        await db.SaveChangesAsync();
    }

    private async Task<Match> FindAsync(int matchId)
    {
        await using var db = await _database.OpenAsync();
        return await db.Matches.SingleAsync(m => m.Id == matchId);
    }

    private async Task<List<Match>> AllMatchesAsync()
    {
        await using var db = await _database.OpenAsync();
        return await db.Matches.ToListAsync();
    }

    private async Task<List<MatchStatusChange>> ChangesAsync(int matchId)
    {
        await using var db = await _database.OpenAsync();
        return await db.Set<MatchStatusChange>().Where(c => c.MatchId == matchId).OrderBy(c => c.Id).ToListAsync();
    }
}
