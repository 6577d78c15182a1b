using MentorDashboard.Features.SupportContacts;

namespace MentorDashboard.Tests.Features.SupportContacts;

/// <summary>The default standard: two contacts in the first 30 days, then one at least every 30 days.</summary>
public sealed class ContactStandardTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    public void New_match_without_contact_is_not_behind_in_its_first_two_weeks(int day)
    {
        var check = ContactStandard.Check(Start, [], Start.AddDays(day));

        Assert.False(check.IsBehind);
        Assert.Equal(Start.AddDays(15), check.NextDue);
    }

    [Fact]
    public void Match_without_contact_is_behind_from_day_fifteen()
    {
        Assert.True(ContactStandard.Check(Start, [], Start.AddDays(15)).IsBehind);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void One_contact_in_the_first_month_is_behind_on_day_thirty(int day, bool behind)
    {
        var check = ContactStandard.Check(Start, [Start.AddDays(3)], Start.AddDays(day));

        Assert.Equal(behind, check.IsBehind);
        Assert.Equal(Start.AddDays(30), check.NextDue);
    }

    [Fact]
    public void Two_contacts_in_the_first_month_meet_the_standard_until_a_month_after_the_last()
    {
        DateOnly[] contacts = [Start.AddDays(5), Start.AddDays(20)];

        var check = ContactStandard.Check(Start, contacts, Start.AddDays(30));

        Assert.False(check.IsBehind);
        Assert.Equal(Start.AddDays(20), check.LastContact);
        Assert.Equal(Start.AddDays(50), check.NextDue);
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void After_the_first_month_the_last_contact_may_be_thirty_days_old(int daysSinceContact, bool behind)
    {
        var lastContact = Start.AddDays(100);

        var check = ContactStandard.Check(Start, [Start.AddDays(2), lastContact],
            lastContact.AddDays(daysSinceContact));

        Assert.Equal(behind, check.IsBehind);
        Assert.Equal(lastContact.AddDays(30), check.NextDue);
    }

    [Fact]
    public void Contacts_before_the_start_or_after_today_do_not_count()
    {
        var today = Start.AddDays(40);

        var check = ContactStandard.Check(Start, [Start.AddDays(-2), today.AddDays(1)], today);

        Assert.True(check.IsBehind);
        Assert.Null(check.LastContact);
    }

    [Fact]
    public void Match_starting_in_the_future_is_not_behind()
    {
        Assert.False(ContactStandard.Check(Start, [], Start.AddDays(-10)).IsBehind);
    }

    [Fact]
    public void Programme_may_ask_for_four_contacts_in_the_first_two_weeks()
    {
        var today = Start.AddDays(7);

        Assert.True(ContactStandard.Check(Start, [Start.AddDays(1)], today, 4, 14).IsBehind);
        Assert.False(ContactStandard.Check(Start, [Start.AddDays(1), Start.AddDays(6)], today, 4, 14).IsBehind);
    }
}
