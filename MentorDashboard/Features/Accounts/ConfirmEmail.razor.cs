using MentorDashboard.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Features.Accounts;

/// <summary>Where the link in the confirmation e-mail leads: opening it confirms the address.</summary>
public sealed partial class ConfirmEmail
{
    private string? _error;
    private string? _notice;

    [Inject]
    private UserManager<Person> Users { get; set; } = null!;

    [Inject]
    private ILogger<ConfirmEmail> Logger { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "id")]
    private string? PersonId { get; set; }

    [SupplyParameterFromQuery]
    private string? Token { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var person = string.IsNullOrEmpty(PersonId) || string.IsNullOrEmpty(Token)
            ? null
            : await Users.FindByIdAsync(PersonId);
        if (person is null || !(await Users.ConfirmEmailAsync(person, Token!)).Succeeded)
        {
            _error = L["This link is no longer valid. Ask for a new one."];
            return;
        }

        AccountsLog.EmailConfirmed(Logger);
        _notice = L["Thank you: your e-mail address is confirmed. You can sign in now."];
    }
}
