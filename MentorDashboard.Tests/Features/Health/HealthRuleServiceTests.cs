using System.Globalization;
using MentorDashboard.Data;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Live;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.Health;

public sealed class HealthRuleServiceTests : IAsyncLifetime
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
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Programme_without_rules_gets_the_defaults_without_storing_them()
    {
        var rules = await _features.HealthRules.GetAsync(_programme.Id);

        Assert.NotNull(rules);
        Assert.True(rules.IsDefault);
        Assert.Equal(
            [
                (HealthRuleKind.NoMeetingForDays, 15, (int?)null, HealthStatus.NeedsCheckIn),
                (HealthRuleKind.NoMeetingForDays, 21, null, HealthStatus.AtRisk),
                (HealthRuleKind.FewMeetings, 30, 2, HealthStatus.NeedsCheckIn),
                (HealthRuleKind.ConcernScore, (int?)null, (int?)null, HealthStatus.AtRisk),
                (HealthRuleKind.QuestionnaireOverdue, 14, null, HealthStatus.NeedsCheckIn),
                (HealthRuleKind.SupportContactBehind, 30, 2, HealthStatus.NeedsCheckIn),
                (HealthRuleKind.PoorRatingsInARow, null, 2, HealthStatus.AtRisk),
            ],
            rules.Rules.Select(r => (r.Kind, r.Days, r.Count, r.Severity)));
        Assert.All(rules.Rules, r => Assert.True(r.IsEnabled));
        await using var db = await _database.OpenAsync();
        Assert.Equal(0, await db.Set<HealthRule>().CountAsync());
    }

    [Fact]
    public async Task Saved_rules_are_stored_in_order_and_announced()
    {
        var received = new TaskCompletionSource<ProgrammeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _features.Events.Subscribe(_programme.Id, e =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        }, TimeSpan.Zero);
        var rules = HealthRuleSet.Defaults(_programme.Id).Take(2).Reverse().ToList();
        rules[0].IsEnabled = false;

        var errors = await _features.HealthRules.SaveAsync(_programme.Id, rules);

        Assert.Empty(errors);
        var stored = await _features.HealthRules.GetAsync(_programme.Id);
        Assert.False(stored!.IsDefault);
        Assert.Equal([(21, false), (15, true)], stored.Rules.Select(r => (r.Days!.Value, r.IsEnabled)));
        Assert.Equal(ProgrammeEventKind.HealthChanged,
            (await received.Task.WaitAsync(TimeSpan.FromSeconds(10))).Kind);
    }

    [Theory]
    [InlineData(HealthRuleKind.NoMeetingForDays, 0, null, "Enter a number of days from 1 to 365.")]
    [InlineData(HealthRuleKind.NoMeetingForDays, 366, null, "Enter a number of days from 1 to 365.")]
    [InlineData(HealthRuleKind.FewMeetings, 30, 0, "Enter a number of meetings from 1 to 31.")]
    [InlineData(HealthRuleKind.FewMeetings, 7, 8, "Expect at most one meeting a day.")]
    [InlineData(HealthRuleKind.SupportContactBehind, 1, 10, "Expect at most one support contact a day.")]
    [InlineData(HealthRuleKind.SupportContactBehind, 30, 11, "Enter a number of support contacts from 1 to 10.")]
    [InlineData(HealthRuleKind.PoorRatingsInARow, null, 1, "Enter a number of meetings from 2 to 10.")]
    [InlineData(HealthRuleKind.QuestionnaireOverdue, null, null, "Enter a number of days from 1 to 365.")]
    public async Task Rule_with_a_number_out_of_range_is_refused_and_nothing_is_stored(
        HealthRuleKind kind, int? days, int? count, string message)
    {
        var rules = HealthRuleSet.Defaults(_programme.Id).ToList();
        var broken = rules.First(r => r.Kind == kind);
        broken.Days = days;
        broken.Count = count;

        var errors = await _features.HealthRules.SaveAsync(_programme.Id, rules);

        var error = Assert.Single(errors);
        Assert.Equal(rules.IndexOf(broken), error.RuleIndex);
        Assert.Equal(message, string.Format(CultureInfo.InvariantCulture, error.Message, error.Arguments));
        Assert.True((await _features.HealthRules.GetAsync(_programme.Id))!.IsDefault);
    }

    [Fact]
    public async Task Empty_rule_set_is_refused_so_the_defaults_never_come_back_by_accident()
    {
        var errors = await _features.HealthRules.SaveAsync(_programme.Id, []);

        Assert.Equal("Keep at least one rule; switch off the rules you do not want.", Assert.Single(errors).Message);
    }

    [Fact]
    public async Task Switched_off_rule_no_longer_flags_a_match()
    {
        var data = new TestData(_database);
        var mentor = await data.AddPersonAsync("Iker Mentor", _programme.Id, ProgrammeRole.Mentor);
        var mentee = await data.AddPersonAsync("Selam Mentee", _programme.Id, ProgrammeRole.Mentee);
        var match = await data.AddMatchAsync(_programme.Id, mentor, mentee, new DateOnly(2026, 6, 1));
        await data.AddPostAsync(match, new DateOnly(2026, 10, 1));
        var rules = HealthRuleSet.Defaults(_programme.Id)
            .Where(r => r.Kind == HealthRuleKind.NoMeetingForDays)
            .ToList();
        await _features.HealthRules.SaveAsync(_programme.Id, rules);
        Assert.Single(await _features.Health.ReadNeedAttentionAsync(_programme.Id));

        rules.ForEach(r => r.IsEnabled = false);
        await _features.HealthRules.SaveAsync(_programme.Id, rules);

        Assert.Empty(await _features.Health.ReadNeedAttentionAsync(_programme.Id));
    }

    [Fact]
    public async Task Unknown_programme_has_no_rules()
    {
        Assert.Null(await _features.HealthRules.GetAsync(_programme.Id + 100));
    }
}
