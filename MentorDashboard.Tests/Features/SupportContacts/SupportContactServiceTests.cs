using MentorDashboard.Data;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.SupportContacts;
using Microsoft.EntityFrameworkCore;
using static MentorDashboard.Tests.Features.SupportContacts.ContactScenario;

namespace MentorDashboard.Tests.Features.SupportContacts;

public sealed class SupportContactServiceTests : IAsyncLifetime
{
    private ContactScenario _scenario = null!;

    private DateOnly Today => _scenario.Time.Today;

    public async ValueTask InitializeAsync() => _scenario = await ContactScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Valid_contact_is_saved_with_a_cleaned_note_and_announced_after_it_is_stored()
    {
        var storedWhenAnnounced = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _scenario.Features.Events.Subscribe(_scenario.Programme.Id, async _ =>
        {
            await using var db = await _scenario.Database.OpenAsync();
            storedWhenAnnounced.TrySetResult(await db.Set<SupportContact>().CountAsync());
        }, TimeSpan.Zero);
        var input = Input(_scenario.Match, Today.AddDays(-1), "  Met Selam's aunt.\u0007\nAll fine.  ");
        input.With = ContactPerson.Family;
        input.Channel = ContactChannel.InPerson;
        input.FollowUpNeeded = true;

        var result = await _scenario.Contacts.LogAsync(UserOf(_scenario.Coordinator), _scenario.Programme.Id, input);

        Assert.True(result.Saved, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(1, await storedWhenAnnounced.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var contact = result.Contact!;
        Assert.Equal(Today.AddDays(-1), contact.Date);
        Assert.Equal(ContactPerson.Family, contact.With);
        Assert.Equal(ContactChannel.InPerson, contact.Channel);
        Assert.Equal("Met Selam's aunt.\nAll fine.", contact.Note);
        Assert.True(contact.FollowUpNeeded);
        Assert.Equal("Marta Test", contact.RecordedByName);
    }

    public static TheoryData<string, Action<SupportContactInput>> InvalidInputs => new()
    {
        { SupportContactFields.Date, input => input.Date = null },
        { SupportContactFields.Date, input => input.Date = new DateTime(2026, 12, 4) },
        { SupportContactFields.Channel, input => input.Channel = null },
        { SupportContactFields.Channel, input => input.Channel = (ContactChannel)42 },
        { SupportContactFields.With, input => input.With = null },
        { SupportContactFields.Note, input => input.Note = new string('a', SupportContactInput.MaxNoteLength + 1) },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_contact_is_refused_with_the_field_and_nothing_is_stored(
        string field, Action<SupportContactInput> spoil)
    {
        var input = Input(_scenario.Match, Today);
        spoil(input);

        var result = await _scenario.Contacts.LogAsync(UserOf(_scenario.Coordinator), _scenario.Programme.Id, input);

        Assert.False(result.Saved);
        Assert.Equal(field, Assert.Single(result.Errors).Field);
        Assert.Equal(0, await CountContactsAsync());
    }

    [Fact]
    public async Task Note_is_measured_after_cleaning_and_may_be_empty()
    {
        var longest = new string('a', SupportContactInput.MaxNoteLength);
        var padded = Input(_scenario.Match, Today, "   " + longest + "\n\n   ");
        var empty = Input(_scenario.Match, Today, "  ");

        var paddedResult = await _scenario.Contacts.LogAsync(
            UserOf(_scenario.Coordinator), _scenario.Programme.Id, padded);
        var emptyResult = await _scenario.Contacts.LogAsync(
            UserOf(_scenario.Coordinator), _scenario.Programme.Id, empty);

        Assert.Equal(SupportContactInput.MaxNoteLength, paddedResult.Contact?.Note.Length);
        Assert.Equal("", emptyResult.Contact?.Note);
    }

    [Fact]
    public async Task Contact_before_the_match_started_is_refused()
    {
        var result = await _scenario.Contacts.LogAsync(
            UserOf(_scenario.Coordinator), _scenario.Programme.Id, Input(_scenario.Match, Start.AddDays(-1)));

        Assert.Equal(SupportContactFields.Date, Assert.Single(result.Errors).Field);
        Assert.Equal(0, await CountContactsAsync());
    }

    [Fact]
    public async Task Closed_match_takes_contacts_up_to_its_closure_date_only()
    {
        var closure = new DateOnly(2026, 11, 20);
        await SetMatchAsync(m =>
        {
            m.Status = MatchStatus.Closed;
            m.ClosureDate = closure;
        });
        var user = UserOf(_scenario.Coordinator);

        var onClosure = await _scenario.Contacts.LogAsync(
            user, _scenario.Programme.Id, Input(_scenario.Match, closure));
        var after = await _scenario.Contacts.LogAsync(
            user, _scenario.Programme.Id, Input(_scenario.Match, closure.AddDays(1)));

        Assert.True(onClosure.Saved);
        Assert.Equal(SupportContactFields.Date, Assert.Single(after.Errors).Field);
        Assert.Equal(1, await CountContactsAsync());
    }

    [Fact]
    public async Task Paused_match_takes_contacts()
    {
        await SetMatchAsync(m =>
        {
            m.Status = MatchStatus.Paused;
            m.PausedOn = Today.AddDays(-10);
        });

        var result = await _scenario.Contacts.LogAsync(
            UserOf(_scenario.Coordinator), _scenario.Programme.Id, Input(_scenario.Match, Today));

        Assert.True(result.Saved);
    }

    [Fact]
    public async Task Match_of_another_programme_is_refused()
    {
        var other = await _scenario.Data.AddProgrammeAsync(_scenario.Programme.NetworkId, "Hilltop Mentors");
        var mentor = await _scenario.Data.AddPersonAsync("Pau Test", other.Id, ProgrammeRole.Mentor);
        var mentee = await _scenario.Data.AddPersonAsync("Oleh Test", other.Id, ProgrammeRole.Mentee);
        var otherMatch = await _scenario.Data.AddMatchAsync(other.Id, mentor, mentee, Start);

        var result = await _scenario.Contacts.LogAsync(
            UserOf(_scenario.Coordinator), _scenario.Programme.Id, Input(otherMatch, Today));

        Assert.Equal(SupportContactFields.Match, Assert.Single(result.Errors).Field);
        Assert.Equal(0, await CountContactsAsync());
    }

    [Fact]
    public async Task Retried_submission_returns_the_first_contact_and_stores_it_once()
    {
        var input = Input(_scenario.Match, Today);
        var user = UserOf(_scenario.Coordinator);

        var first = await _scenario.Contacts.LogAsync(user, _scenario.Programme.Id, input);
        var retried = await Task.WhenAll(
            _scenario.Contacts.LogAsync(user, _scenario.Programme.Id, input),
            _scenario.Contacts.LogAsync(user, _scenario.Programme.Id, input));

        Assert.True(first.Saved);
        Assert.All(retried, r => Assert.Equal(first.Contact!.Id, r.Contact?.Id));
        Assert.Equal(1, await CountContactsAsync());
    }

    [Fact]
    public async Task Match_contacts_are_listed_newest_first()
    {
        await _scenario.AddContactAsync(_scenario.Match, new DateOnly(2026, 5, 2));
        await _scenario.AddContactAsync(_scenario.Match, new DateOnly(2026, 11, 5), followUp: true);
        await _scenario.AddContactAsync(_scenario.Match, new DateOnly(2026, 8, 9));

        var listed = await _scenario.Contacts.ListForMatchAsync(
            UserOf(_scenario.Coordinator), _scenario.Programme.Id, _scenario.Match.Id);

        Assert.NotNull(listed);
        Assert.Equal(("Iker Test", "Selam Test"), (listed.MentorName, listed.MenteeName));
        Assert.Equal(
            [new DateOnly(2026, 11, 5), new DateOnly(2026, 8, 9), new DateOnly(2026, 5, 2)],
            listed.Contacts.Select(c => c.Date));
        Assert.True(listed.Contacts[0].FollowUpNeeded);
    }

    [Fact]
    public async Task Compliance_counts_active_matches_on_standard_and_lists_those_behind_most_overdue_first()
    {
        // Iker and Selam: after the first month, last contact 23 days ago: on standard.
        await _scenario.AddContactAsync(_scenario.Match, new DateOnly(2026, 11, 10));
        // 13 days old, no contact yet: not expected before day 15.
        await _scenario.AddMatchAsync("Noor Test", "Amir Test", new DateOnly(2026, 11, 20));
        // Last contact two months ago.
        var lapsed = await _scenario.AddMatchAsync("Ines Test", "Tomas Test", new DateOnly(2026, 6, 1));
        await _scenario.AddContactAsync(lapsed, new DateOnly(2026, 10, 1));
        // 23 days old without a contact: the first was due on day 15.
        var unseen = await _scenario.AddMatchAsync("Lea Test", "Yusuf Test", new DateOnly(2026, 11, 10));

        var compliance = await ReadComplianceAsync();

        Assert.Equal(4, compliance.ActiveMatches);
        Assert.Equal(2, compliance.OnStandard);
        Assert.Equal(0.5, compliance.Share);
        Assert.Equal(ContactStandardSettings.Default, compliance.Standard);
        Assert.Equal([lapsed.Id, unseen.Id], compliance.Matches.Select(m => m.MatchId));
        Assert.All(compliance.Matches, m => Assert.True(m.IsBehind));
        Assert.Equal(
            (new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)),
            (compliance.Matches[0].LastContact, compliance.Matches[0].NextDue));
        Assert.Equal(
            ((DateOnly?)null, new DateOnly(2026, 11, 25)),
            (compliance.Matches[1].LastContact, compliance.Matches[1].NextDue));
    }

    [Fact]
    public async Task Paused_and_closed_matches_are_left_out_of_compliance()
    {
        var paused = await _scenario.AddMatchAsync("Noor Test", "Amir Test", new DateOnly(2026, 1, 5));
        var closed = await _scenario.AddMatchAsync("Ines Test", "Tomas Test", new DateOnly(2026, 1, 5));
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Matches.Where(m => m.Id == paused.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MatchStatus.Paused)
                .SetProperty(m => m.PausedOn, new DateOnly(2026, 9, 1)));
            await db.Matches.Where(m => m.Id == closed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MatchStatus.Closed)
                .SetProperty(m => m.ClosureDate, new DateOnly(2026, 9, 1)));
        }

        var compliance = await ReadComplianceAsync();

        Assert.Equal(1, compliance.ActiveMatches);
        Assert.Equal([_scenario.Match.Id], compliance.Matches.Select(m => m.MatchId));
    }

    [Fact]
    public async Task Open_follow_up_is_listed_until_a_later_contact_is_logged()
    {
        await _scenario.AddContactAsync(_scenario.Match, Today.AddDays(-3), followUp: true);

        var open = Assert.Single((await ReadComplianceAsync()).Matches);
        await _scenario.AddContactAsync(_scenario.Match, Today.AddDays(-1));
        var afterwards = await ReadComplianceAsync();

        Assert.True(open.FollowUpNeeded);
        Assert.False(open.IsBehind);
        Assert.Equal(1, afterwards.OnStandard);
        Assert.Empty(afterwards.Matches);
    }

    [Fact]
    public async Task Programme_rule_sets_the_standard_and_a_disabled_rule_leaves_the_default()
    {
        // Last contact 20 days ago: behind a 14-day interval, on standard against 30 days.
        await _scenario.AddContactAsync(_scenario.Match, Today.AddDays(-20));
        var rule = new HealthRule
        {
            ProgrammeId = _scenario.Programme.Id,
            Kind = HealthRuleKind.SupportContactBehind,
            Severity = HealthStatus.NeedsCheckIn,
            Count = 4,
            Days = 14,
        };
        await using (var db = await _scenario.Database.OpenAsync())
        {
            db.Add(rule);
            await db.SaveChangesAsync();
        }

        var withRule = await ReadComplianceAsync();
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Set<HealthRule>().ExecuteUpdateAsync(s => s.SetProperty(r => r.IsEnabled, false));
        }

        var withDisabledRule = await ReadComplianceAsync();

        Assert.Equal(new ContactStandardSettings(4, 14), withRule.Standard);
        Assert.Equal(0, withRule.OnStandard);
        Assert.Equal(ContactStandardSettings.Default, withDisabledRule.Standard);
        Assert.Equal(1, withDisabledRule.OnStandard);
    }

    [Fact]
    public async Task Compliance_of_a_programme_without_active_matches_has_no_share()
    {
        await SetMatchAsync(m =>
        {
            m.Status = MatchStatus.Closed;
            m.ClosureDate = Today.AddDays(-1);
        });

        var compliance = await ReadComplianceAsync();

        Assert.Equal(0, compliance.ActiveMatches);
        Assert.Null(compliance.Share);
    }

    private async Task<ContactCompliance> ReadComplianceAsync() =>
        await _scenario.Contacts.ReadComplianceAsync(UserOf(_scenario.Coordinator), _scenario.Programme.Id)
        ?? throw new InvalidOperationException("The coordinator was refused the compliance.");

    private async Task<int> CountContactsAsync()
    {
        await using var db = await _scenario.Database.OpenAsync();
        return await db.Set<SupportContact>().CountAsync();
    }

    private async Task SetMatchAsync(Action<Match> change)
    {
        await using var db = await _scenario.Database.OpenAsync();
        var match = await db.Matches.SingleAsync(m => m.Id == _scenario.Match.Id);
        change(match);
        await db.SaveChangesAsync();
    }
}
