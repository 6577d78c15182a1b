using System.Net;
using System.Net.Http.Json;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Demo;
using MentorDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Tests.Features.Demo;

/// <summary>The README's first steps: start with demo data, sign in as a demo coordinator, see the dashboard.</summary>
public sealed class DemoStartupTests
{
    [Fact]
    public async Task App_started_with_demo_data_lets_the_demo_coordinator_read_their_dashboard()
    {
        await using var app = await AppFactory.CreateAsync(seedDemo: true);
        var client = app.CreateBrowserClient();
        int programmeId;
        await using (var db = await app.Database.OpenAsync())
        {
            programmeId = await db.Memberships
                .Where(m => m.Person.Email == DemoAccounts.CityCoordinator)
                .Select(m => m.ProgrammeId)
                .SingleAsync();
        }

        using var signIn = await client.SubmitLoginAsync(DemoAccounts.CityCoordinator, DemoAccounts.Password);
        var dashboard = await client.GetFromJsonAsync<DashboardData>($"/api/programmes/{programmeId}/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotNull(dashboard);
        Assert.InRange(dashboard.Headline.ActiveMatches, 35, 45);
        Assert.NotEmpty(dashboard.NeedAttention);
        Assert.Equal(DashboardService.LatestPostCount, dashboard.LatestPosts.Count);
        Assert.True(dashboard.MeetingsPerWeek.Take(DashboardService.Weeks - 1).All(w => w.Meetings > 0));
    }

    [Theory]
    [InlineData(DemoAccounts.CityMentee)]
    [InlineData(DemoAccounts.CityMentor)]
    public async Task Demo_mentee_and_mentor_find_a_questionnaire_to_answer_in_the_newsroom(string account)
    {
        await using var app = await AppFactory.CreateAsync(seedDemo: true);
        var client = app.CreateBrowserClient();
        int programmeId;
        await using (var db = await app.Database.OpenAsync())
        {
            programmeId = await db.Memberships
                .Where(m => m.Person.Email == account)
                .Select(m => m.ProgrammeId)
                .SingleAsync();
        }

        using var signIn = await client.SubmitLoginAsync(account, DemoAccounts.Password);
        var newsroom = await client.GetStringAsync($"/programmes/{programmeId}/newsroom");

        Assert.Contains("Questionnaires to answer", newsroom, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_demo_switch_turns_seeding_on()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var withSwitch = new ServiceCollection()
            .AddDemoData(configuration, [DemoDataExtensions.SeedSwitch])
            .BuildServiceProvider();
        using var without = new ServiceCollection().AddDemoData(configuration, []).BuildServiceProvider();

        Assert.True(withSwitch.GetRequiredService<IOptions<DemoOptions>>().Value.Seed);
        Assert.False(without.GetRequiredService<IOptions<DemoOptions>>().Value.Seed);
    }
}
