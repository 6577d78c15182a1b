using MentorDashboard.Data;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Questionnaires;

namespace MentorDashboard.Tests.Features.Health;

/// <summary>The health rules at their boundaries, with the default rules unless a test says otherwise.</summary>
public sealed class HealthEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly IReadOnlyList<HealthRule> Defaults = HealthRuleSet.Defaults(programmeId: 1);

    [Theory]
    [InlineData(14, HealthStatus.OnTrack)]
    [InlineData(15, HealthStatus.NeedsCheckIn)]
    [InlineData(20, HealthStatus.NeedsCheckIn)]
    [InlineData(21, HealthStatus.AtRisk)]
    public void No_meeting_for_N_days_flags_from_exactly_N_days(int daysAgo, HealthStatus expected)
    {
        var facts = Active(lastMeeting: Today.AddDays(-daysAgo));

        var health = Evaluate(facts, Only(HealthRuleKind.NoMeetingForDays));

        Assert.Equal(expected, health.Status);
        Assert.Equal(daysAgo, health.DaysWithoutMeeting);
    }

    [Fact]
    public void Two_broken_no_meeting_rules_give_one_reason_at_the_more_serious_status()
    {
        var health = Evaluate(Active(lastMeeting: Today.AddDays(-23)), Only(HealthRuleKind.NoMeetingForDays));

        var reason = Assert.Single(health.Reasons);
        Assert.Equal("No meeting for 23 days", reason.ToString());
        Assert.Equal(HealthStatus.AtRisk, reason.Severity);
    }

    [Fact]
    public void Match_that_never_met_counts_its_days_from_the_start()
    {
        var facts = Active(lastMeeting: null, start: Today.AddDays(-15));

        var health = Evaluate(facts, Only(HealthRuleKind.NoMeetingForDays));

        Assert.Equal(HealthStatus.NeedsCheckIn, health.Status);
        Assert.Equal("No meeting since the match started 15 days ago", Assert.Single(health.Reasons).ToString());
        Assert.Null(health.LastMeeting);
    }

    [Fact]
    public void Paused_match_is_not_evaluated_however_long_since_it_met()
    {
        var facts = Active(lastMeeting: Today.AddDays(-90)) with
        {
            Status = MatchStatus.Paused,
            ExpectedResumeDate = Today,
            LatestRatings = [1, 1],
        };

        Assert.Null(HealthEvaluator.Evaluate(facts, Defaults, Today));
    }

    [Fact]
    public void Paused_match_past_its_expected_resume_date_needs_a_check_in()
    {
        var facts = Active(lastMeeting: Today.AddDays(-90)) with
        {
            Status = MatchStatus.Paused,
            ExpectedResumeDate = Today.AddDays(-3),
        };

        var health = Evaluate(facts, Defaults);

        Assert.Equal(HealthStatus.NeedsCheckIn, health.Status);
        Assert.Equal("Paused; expected back 3 days ago", Assert.Single(health.Reasons).ToString());
    }

    [Fact]
    public void Closed_match_is_not_evaluated()
    {
        var facts = Active(lastMeeting: Today.AddDays(-90)) with { Status = MatchStatus.Closed };

        Assert.Null(HealthEvaluator.Evaluate(facts, Defaults, Today));
    }

    [Fact]
    public void Went_badly_twice_in_a_row_is_at_risk()
    {
        var facts = Active(lastMeeting: Today.AddDays(-2)) with { LatestRatings = [2, 1, 5] };

        var health = Evaluate(facts, Only(HealthRuleKind.PoorRatingsInARow));

        Assert.Equal(HealthStatus.AtRisk, health.Status);
        Assert.Equal("The last 2 meetings went badly", Assert.Single(health.Reasons).ToString());
    }

    [Theory]
    [InlineData(new[] { 1, 4, 1 })]
    [InlineData(new[] { 4, 1, 2 })]
    [InlineData(new[] { 3, 3 })]
    public void Went_badly_once_is_on_track(int[] newestFirst)
    {
        var facts = Active(lastMeeting: Today.AddDays(-2)) with { LatestRatings = newestFirst };

        Assert.Equal(HealthStatus.OnTrack, Evaluate(facts, Only(HealthRuleKind.PoorRatingsInARow)).Status);
    }

    [Fact]
    public void Fewer_meetings_than_the_rule_looks_at_are_not_a_bad_run()
    {
        var facts = Active(lastMeeting: Today.AddDays(-2), start: Today.AddDays(-10)) with { LatestRatings = [1] };

        Assert.Equal(HealthStatus.OnTrack, Evaluate(facts, Only(HealthRuleKind.PoorRatingsInARow)).Status);
    }

    [Theory]
    [InlineData(2, HealthStatus.OnTrack)]
    [InlineData(1, HealthStatus.NeedsCheckIn)]
    public void Fewer_than_K_meetings_in_the_window_need_a_check_in(int meetings, HealthStatus expected)
    {
        var facts = Active(lastMeeting: Today.AddDays(-5)) with
        {
            MeetingsInLastDays = new Dictionary<int, int> { [30] = meetings },
        };

        var health = Evaluate(facts, Only(HealthRuleKind.FewMeetings));

        Assert.Equal(expected, health.Status);
        if (expected != HealthStatus.OnTrack)
        {
            Assert.Equal("1 meetings in the last 30 days, fewer than 2", Assert.Single(health.Reasons).ToString());
        }
    }

    [Fact]
    public void Few_meetings_waits_until_the_match_is_as_old_as_the_window()
    {
        var facts = Active(lastMeeting: Today.AddDays(-5), start: Today.AddDays(-29)) with
        {
            MeetingsInLastDays = new Dictionary<int, int> { [30] = 1 },
        };

        Assert.Equal(HealthStatus.OnTrack, Evaluate(facts, Only(HealthRuleKind.FewMeetings)).Status);
    }

    [Fact]
    public void Score_of_concern_puts_the_match_at_risk_with_the_scale_and_score()
    {
        var facts = Active(lastMeeting: Today.AddDays(-3)) with
        {
            Concerns = [new ConcernScore(7, "Closeness", 1.75, "Concern")],
        };

        var health = Evaluate(facts, Only(HealthRuleKind.ConcernScore));

        Assert.Equal(HealthStatus.AtRisk, health.Status);
        Assert.Equal("Closeness score 1.8 is of concern", Assert.Single(health.Reasons).ToString());
    }

    [Theory]
    [InlineData(13, HealthStatus.OnTrack)]
    [InlineData(14, HealthStatus.NeedsCheckIn)]
    public void Questionnaire_unanswered_N_days_after_it_fell_due_needs_a_check_in(
        int daysAgo, HealthStatus expected)
    {
        var facts = Active(lastMeeting: Today.AddDays(-3)) with
        {
            OpenOccasions = [new OpenOccasionFact("Youth check-in", Today.AddDays(-daysAgo))],
        };

        var health = Evaluate(facts, Only(HealthRuleKind.QuestionnaireOverdue));

        Assert.Equal(expected, health.Status);
        Assert.Equal(
            expected == HealthStatus.OnTrack ? [] : ["Youth check-in unanswered 14 days after it fell due"],
            health.Reasons.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData(30, HealthStatus.OnTrack)]
    [InlineData(31, HealthStatus.NeedsCheckIn)]
    public void Support_contact_is_due_every_30_days_after_the_first_month(int daysAgo, HealthStatus expected)
    {
        var start = Today.AddDays(-90);
        var facts = Active(lastMeeting: Today.AddDays(-3), start) with
        {
            ContactDates = [start.AddDays(5), start.AddDays(20), Today.AddDays(-daysAgo)],
        };

        var health = Evaluate(facts, Only(HealthRuleKind.SupportContactBehind));

        Assert.Equal(expected, health.Status);
        if (expected != HealthStatus.OnTrack)
        {
            Assert.Equal("Behind on support contacts; the last was 31 days ago",
                Assert.Single(health.Reasons).ToString());
        }
    }

    [Fact]
    public void New_match_without_support_contacts_is_behind_from_the_middle_of_its_first_month()
    {
        var early = Active(lastMeeting: Today.AddDays(-2), start: Today.AddDays(-14));
        var later = Active(lastMeeting: Today.AddDays(-2), start: Today.AddDays(-15));

        Assert.Equal(HealthStatus.OnTrack, Evaluate(early, Only(HealthRuleKind.SupportContactBehind)).Status);
        var behind = Evaluate(later, Only(HealthRuleKind.SupportContactBehind));
        Assert.Equal(HealthStatus.NeedsCheckIn, behind.Status);
        Assert.Equal("No support contact since the match started 15 days ago",
            Assert.Single(behind.Reasons).ToString());
    }

    [Fact]
    public void Match_takes_the_most_serious_status_with_the_most_serious_reason_first()
    {
        var facts = Active(lastMeeting: Today.AddDays(-16)) with
        {
            MeetingsInLastDays = new Dictionary<int, int> { [30] = 2 },
            LatestRatings = [1, 2],
            OpenOccasions = [new OpenOccasionFact("Youth check-in", Today.AddDays(-20))],
            ContactDates = [Today.AddDays(-5)],
        };

        var health = Evaluate(facts, Defaults);

        Assert.Equal(HealthStatus.AtRisk, health.Status);
        Assert.Equal(
            [
                "The last 2 meetings went badly",
                "No meeting for 16 days",
                "Youth check-in unanswered 20 days after it fell due",
            ],
            health.Reasons.Select(r => r.ToString()));
        Assert.Equal(
            [HealthStatus.AtRisk, HealthStatus.NeedsCheckIn, HealthStatus.NeedsCheckIn],
            health.Reasons.Select(r => r.Severity));
    }

    [Fact]
    public void Disabled_rule_is_not_applied()
    {
        var rules = Only(HealthRuleKind.NoMeetingForDays);
        foreach (var rule in rules)
        {
            rule.IsEnabled = false;
        }

        Assert.Equal(HealthStatus.OnTrack, Evaluate(Active(lastMeeting: Today.AddDays(-40)), rules).Status);
    }

    [Fact]
    public void Rule_severity_comes_from_the_rule()
    {
        var rule = new HealthRule
        {
            Kind = HealthRuleKind.NoMeetingForDays, Days = 10, Severity = HealthStatus.AtRisk,
        };

        Assert.Equal(HealthStatus.AtRisk, Evaluate(Active(lastMeeting: Today.AddDays(-10)), [rule]).Status);
    }

    [Fact]
    public void Facts_read_are_only_those_the_enabled_rules_need()
    {
        Assert.Equal([30], HealthEvaluator.MeetingWindows(Defaults));
        Assert.Equal(2, HealthEvaluator.RatingsNeeded(Defaults));
        Assert.Empty(HealthEvaluator.MeetingWindows(Only(HealthRuleKind.NoMeetingForDays)));
        Assert.Equal(0, HealthEvaluator.RatingsNeeded(Only(HealthRuleKind.NoMeetingForDays)));
    }

    private static MatchHealth Evaluate(MatchHealthFacts facts, IReadOnlyList<HealthRule> rules) =>
        HealthEvaluator.Evaluate(facts, rules, Today)
        ?? throw new InvalidOperationException("The match was not evaluated.");

    private static List<HealthRule> Only(HealthRuleKind kind) =>
        HealthRuleSet.Defaults(programmeId: 1).Where(rule => rule.Kind == kind).ToList();

    /// <summary>An active match that started long ago; everything else empty, so a test sets only its fact.
    /// </summary>
    private static MatchHealthFacts Active(DateOnly? lastMeeting, DateOnly? start = null) => new(
        MatchId: 7,
        StartDate: start ?? Today.AddDays(-200),
        Status: MatchStatus.Active,
        ExpectedResumeDate: null,
        LastMeeting: lastMeeting,
        MeetingsInLastDays: new Dictionary<int, int>(),
        LatestRatings: [],
        Concerns: [],
        OpenOccasions: [],
        ContactDates: []);
}
