using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MentorDashboard.Features.Live;

/// <summary>
/// Tells a circuit's components when its browser connection came back, so a live view can re-read its data
/// instead of trusting what it showed before the connection dropped.
/// </summary>
public sealed class CircuitConnection
{
    public event Func<Task>? Restored;

    internal async Task RaiseRestoredAsync()
    {
        if (Restored is { } restored)
        {
            await restored();
        }
    }
}

internal sealed class CircuitConnectionHandler(CircuitConnection connection) : CircuitHandler
{
    private bool _wasDown;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown)
        {
            return;
        }

        _wasDown = false;
        await connection.RaiseRestoredAsync();
    }
}
