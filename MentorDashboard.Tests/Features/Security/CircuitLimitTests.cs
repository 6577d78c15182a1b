using MentorDashboard.Features.Security;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Tests.Features.Security;

public sealed class CircuitLimitTests
{
    [Fact]
    public async Task Circuit_settings_reach_blazor()
    {
        await using var app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Circuits:DisconnectedCircuitMaxRetained"] = "7",
            ["Circuits:DisconnectedCircuitRetentionPeriod"] = "00:01:30",
            ["Circuits:JSInteropDefaultCallTimeout"] = "00:00:20",
        });
        using var client = app.CreateBrowserClient();

        var circuit = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(7, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(90), circuit.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(TimeSpan.FromSeconds(20), circuit.JSInteropDefaultCallTimeout);
    }

    [Theory]
    [InlineData("MaxPerPerson", "0")]
    [InlineData("MaximumReceiveMessageSize", "1024")]
    [InlineData("DisconnectedCircuitRetentionPeriod", "-00:01:00")]
    [InlineData("JSInteropDefaultCallTimeout", "00:00:00")]
    public async Task Wrong_circuit_setting_stops_the_app_at_start_naming_the_key(string key, string value)
    {
        await using var app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Circuits:" + key] = value,
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateBrowserClient());

        Assert.Contains($"'Circuits:{key}'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_circuits_are_counted_per_person_and_forgotten_at_zero()
    {
        var circuits = new OpenCircuits();

        circuits.Opened("person-a");
        circuits.Opened("person-a");
        circuits.Opened("person-b");
        circuits.Closed("person-a");

        Assert.Equal(1, circuits.CountOf("person-a"));
        Assert.Equal(1, circuits.CountOf("person-b"));
        circuits.Closed("person-a");
        circuits.Closed("person-a");
        Assert.Equal(0, circuits.CountOf("person-a"));
    }
}
