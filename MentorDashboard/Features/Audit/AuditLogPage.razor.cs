using System.Globalization;
using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MentorDashboard.Features.Audit;

/// <summary>A network admin's view of their network's audit log, filtered by kind and days.</summary>
public sealed partial class AuditLogPage
{
    private const int PageSize = 25;

    private static readonly int[] PageSizes = [PageSize, 50, AuditReader.MaxPageSize];

    private static readonly AuditKind[] Kinds = Enum.GetValues<AuditKind>();

    private MudTable<AuditRow>? _table;
    private int? _networkId;
    private AuditKind? _kind;
    private DateTime? _from;
    private DateTime? _to;
    private string? _dateError;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ProgrammeAccess Access { get; set; } = null!;

    [Inject]
    private AuditReader Reader { get; set; } = null!;

    protected override async Task OnInitializedAsync() =>
        _networkId = await Access.AdminNetworkIdAsync((await AuthenticationState).User);

    private async Task<TableData<AuditRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (_networkId is not { } networkId || _dateError is not null)
        {
            return new TableData<AuditRow> { Items = [], TotalItems = 0 };
        }

        var query = new AuditQuery(
            _kind, DayOf(_from), DayOf(_to), state.Page * state.PageSize, state.PageSize);
        var page = await Reader.ReadAsync(networkId, query, cancellationToken);
        return new TableData<AuditRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task FilterKindAsync(AuditKind? kind)
    {
        _kind = kind;
        return ReloadAsync();
    }

    private Task FilterFromAsync(DateTime? from)
    {
        _from = from;
        return ReloadAsync();
    }

    private Task FilterToAsync(DateTime? to)
    {
        _to = to;
        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _dateError = _from is { } from && _to is { } to && from > to
            ? "The first day is after the last day; nothing can match."
            : null;
        _table?.NavigateTo(0);
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private static DateOnly? DayOf(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;

    private static string TimeText(DateTime atUtc) =>
        atUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // A person who has since been deleted keeps their id in the log; the page says so rather than show nothing.
    private string PersonText(string? id, string? name) => (id, name) switch
    {
        (null, _) => L["Anonymous visitor"],
        (_, null) => L["Deleted person ({0})", id[..Math.Min(8, id.Length)]],
        _ => name,
    };

    private static string? SubjectText(AuditRow row) => row.SubjectName ?? row.SubjectId;
}
