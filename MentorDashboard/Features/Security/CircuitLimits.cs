using System.Collections.Concurrent;
using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace MentorDashboard.Features.Security;

public static class CircuitLimits
{
    /// <summary>
    /// Applies the <c>Circuits</c> settings to Blazor's hub and circuits, and refuses a person's circuit over
    /// the per-person limit.
    /// </summary>
    public static IServerSideBlazorBuilder AddCircuitLimits(
        this IServerSideBlazorBuilder blazor, IConfiguration configuration)
    {
        var services = blazor.Services;
        services.AddOptions<CircuitLimitOptions>()
            .Bind(configuration.GetSection(CircuitLimitOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CircuitLimitOptions>, CircuitLimitOptionsValidator>();
        services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitLimitOptions>>((options, limits) =>
        {
            options.DisconnectedCircuitMaxRetained = limits.Value.DisconnectedCircuitMaxRetained;
            options.DisconnectedCircuitRetentionPeriod = limits.Value.DisconnectedCircuitRetentionPeriod;
            options.JSInteropDefaultCallTimeout = limits.Value.JSInteropDefaultCallTimeout;
        });
        services.AddSingleton<OpenCircuits>();
        services.AddSingleton<CircuitAdmissionFilter>();
        services.AddScoped<CircuitHandler, OpenCircuitHandler>();

        // Hub options are configured before the service provider exists, so the size is read from the
        // configuration here; the validator above still checks it at start.
        var limits = configuration.GetSection(CircuitLimitOptions.Section).Get<CircuitLimitOptions>() ?? new();
        return blazor.AddHubOptions(options =>
        {
            options.MaximumReceiveMessageSize = limits.MaximumReceiveMessageSize;
            options.AddFilter<CircuitAdmissionFilter>();
        });
    }
}

/// <summary>How many circuits each signed-in person has open now.</summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int CountOf(string personId) => _counts.GetValueOrDefault(personId);

    internal void Opened(string personId) => _counts.AddOrUpdate(personId, 1, (_, count) => count + 1);

    internal void Closed(string personId)
    {
        // Drop the entry at zero so people who left hold no memory.
        if (_counts.AddOrUpdate(personId, 0, (_, count) => Math.Max(0, count - 1)) == 0)
        {
            _counts.TryRemove(new KeyValuePair<string, int>(personId, 0));
        }
    }
}

/// <summary>Counts a circuit for its person from opening to closing.</summary>
internal sealed class OpenCircuitHandler(OpenCircuits circuits, AuthenticationStateProvider authentication)
    : CircuitHandler
{
    private string? _personId;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        _personId = ProgrammeAccess.PersonId(state.User);
        if (_personId is not null)
        {
            circuits.Opened(_personId);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_personId is not null)
        {
            circuits.Closed(_personId);
            _personId = null;
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Refuses to start a new circuit for a person who has as many open as allowed. It runs before Blazor creates
/// the circuit, so a refused tab costs no memory. The browser is told through Blazor's own error message, which
/// shows <see cref="StoppedPageNotice"/>: reload, after closing some tabs.
/// </summary>
/// <remarks>
/// Two tabs opened at the same instant may both pass the check, so the limit can be exceeded by a tab or two;
/// it guards against runaway scripts, not against a precise count.
/// </remarks>
internal sealed class CircuitAdmissionFilter(
    OpenCircuits circuits, IOptions<CircuitLimitOptions> options, ILogger<CircuitAdmissionFilter> logger)
    : IHubFilter
{
    // Both hub methods create a circuit: a new page, or a page whose paused circuit is resumed.
    private static readonly HashSet<string> CircuitStarts = new(StringComparer.Ordinal)
    {
        "StartCircuit",
        "ResumeCircuit",
    };

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (CircuitStarts.Contains(invocationContext.HubMethodName)
            && ProgrammeAccess.PersonId(invocationContext.Context.User ?? new()) is { } personId)
        {
            var open = circuits.CountOf(personId);
            var limit = options.Value.MaxPerPerson;
            if (open >= limit)
            {
                SecurityLog.CircuitRefused(logger, open, limit);
                await invocationContext.Hub.Clients.Caller.SendAsync(
                    "JS.Error", "Too many open pages for this person.", invocationContext.Context.ConnectionAborted);
                return null;
            }
        }

        return await next(invocationContext);
    }
}
