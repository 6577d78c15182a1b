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

    private Task SaveInAppAsync(bool on) => SaveAsync(stored => stored with { InApp = on });

    private Task SaveEmailAsync(bool on) => SaveAsync(stored => stored with { Email = on });

    // Each switch changes only its own choice on what is stored now, so a second tab left open with older
    // settings cannot turn the other choice back without the person seeing it.
    private async Task SaveAsync(Func<ReminderChoices, ReminderChoices> change)
    {
        _saving = true;
        try
        {
            var choices = change(await Reminders.GetChoicesAsync(_personId!));
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
