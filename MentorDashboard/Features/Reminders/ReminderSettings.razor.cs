using MentorDashboard.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MentorDashboard.Features.Reminders;

/// <summary>Where every signed-in person turns their in-app and e-mail reminders on or off; saved at once.</summary>
public sealed partial class ReminderSettings
{
    private ReminderChoices? _choices;
    private string? _personId;
    private bool _saving;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private ReminderService Reminders { get; set; } = null!;

    [Inject]
    private IOptions<SmtpOptions> Smtp { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private ILogger<ReminderSettings> Logger { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _personId = ProgrammeAccess.PersonId((await AuthenticationState).User);
        _choices = _personId is null ? null : await Reminders.GetChoicesAsync(_personId);
    }

    private Task SaveInAppAsync(bool on) => SaveAsync(_choices! with { InApp = on });

    private Task SaveEmailAsync(bool on) => SaveAsync(_choices! with { Email = on });

    private async Task SaveAsync(ReminderChoices choices)
    {
        _saving = true;
        try
        {
            await Reminders.SaveChoicesAsync(_personId!, choices);
            _choices = choices;
            Snackbar.Add(L["Your reminder settings are saved."], Severity.Success);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            RemindersLog.ChoicesSaveFailed(Logger, exception);
            Snackbar.Add(L["Your reminder settings could not be saved. Please try again."], Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }
}
