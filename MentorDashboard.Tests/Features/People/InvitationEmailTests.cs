using MentorDashboard.Data;
using MentorDashboard.Features.People;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Tests.Features.People;

/// <summary>What happens around the e-mail: a server that is down, no server at all, and wrong settings.</summary>
public sealed class InvitationEmailTests
{
    [Fact]
    public async Task Mail_server_down_withdraws_the_invitation_and_says_so()
    {
        await using var scenario = await PeopleScenario.CreateAsync(mailServerDown: true);
        var input = new InvitationInput { Email = "lena.newcomer@mentors.test", Role = ProgrammeRole.Mentor };

        var result = await scenario.Invitations.InviteAsync(
            PeopleScenario.As(scenario.Marta), scenario.Harbour.Id, input, PeopleScenario.RequestBase);

        Assert.Contains("could not be sent", Assert.Single(result.Errors).Message);
        Assert.Empty((await scenario.Invitations.ListPendingAsync(
            PeopleScenario.As(scenario.Marta), scenario.Harbour.Id))!);
        Assert.Empty(await scenario.AuditKindsAsync());
    }

    [Fact]
    public async Task Without_an_smtp_host_invitations_are_refused_naming_the_setting()
    {
        await using var app = await AppFactory.CreateAsync();
        var network = await app.Data.AddNetworkAsync();
        var programme = await app.Data.AddProgrammeAsync(network.Id, "Harbour Mentors");
        var marta = await app.Accounts.AddAsync("Marta Coordinator", programme.Id, ProgrammeRole.Coordinator);

        var result = await app.Services.GetRequiredService<InvitationService>().InviteAsync(
            PeopleScenario.As(marta),
            programme.Id,
            new InvitationInput { Email = "lena.newcomer@mentors.test", Role = ProgrammeRole.Mentor },
            new Uri("http://localhost/"));

        Assert.Contains("Smtp:Host", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    public async Task Wrong_validity_stops_the_app_at_start_naming_its_key(string days)
    {
        await using var app = await AppFactory.CreateAsync();
        using var configured = app.WithWebHostBuilder(host => host.UseSetting("Invitations:ValidDays", days));

        var failure = Record.Exception(() => configured.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(failure, exactMatch: false);
        Assert.Contains("Invitations:ValidDays must be between 1 and 90", validation.Message);
    }
}
