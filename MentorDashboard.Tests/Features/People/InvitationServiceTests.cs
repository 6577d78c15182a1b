using MentorDashboard.Data;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.People;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Tests.Features.People;

public sealed class InvitationServiceTests : IAsyncLifetime
{
    private const string Email = "lena.newcomer@mentors.test";

    private PeopleScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PeopleScenario.CreateAsync();

    public async ValueTask DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Invitation_mails_a_link_whose_token_is_stored_only_as_its_hash()
    {
        var token = await _scenario.InviteAsync(Email);

        var message = _scenario.Smtp.Messages.Single();
        Assert.Equal(Email, message.To.Mailboxes.Single().Address);
        Assert.Contains("Harbour Mentors", message.Subject);
        Assert.Contains($"https://mentors.test/invitations/accept?token={token}", message.TextBody);
        Assert.Equal(32, Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length);
        var invitation = await _scenario.InvitationAsync(Email);
        Assert.Equal(InvitationTokens.HashOf(token), invitation.TokenHash);
        Assert.Matches("^[0-9a-f]{64}$", invitation.TokenHash);
        Assert.Equal(_scenario.Time.GetUtcNow().UtcDateTime.AddDays(14), invitation.ExpiresAtUtc);
        Assert.Equal([AuditKind.InvitationSent], await _scenario.AuditKindsAsync());
    }

    [Fact]
    public async Task New_person_accepts_with_a_name_and_password_and_joins_with_a_confirmed_address()
    {
        var token = await _scenario.InviteAsync(Email, ProgrammeRole.Mentee);

        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Newcomer", "Harbour-Lights-9");

        Assert.Empty(result.Errors);
        var person = await _scenario.PersonAsync(Email);
        Assert.NotNull(person);
        Assert.True(person.EmailConfirmed);
        Assert.Equal("Lena Newcomer", person.DisplayName);
        Assert.Equal([ProgrammeRole.Mentee], await _scenario.RolesOfAsync(Email, _scenario.Harbour.Id));
        var invitation = await _scenario.InvitationAsync(Email);
        Assert.Equal(person.Id, invitation.AcceptedById);
        Assert.NotNull(invitation.AcceptedAtUtc);
        Assert.Equal(
            [AuditKind.InvitationSent, AuditKind.InvitationAccepted, AuditKind.RoleGranted],
            await _scenario.AuditKindsAsync());
    }

    [Fact]
    public async Task Expired_invitation_is_refused_and_creates_no_account()
    {
        var token = await _scenario.InviteAsync(Email);
        _scenario.Time.Advance(TimeSpan.FromDays(14));

        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Newcomer", "Harbour-Lights-9");

        Assert.Equal(InvitationState.Expired, (await _scenario.Invitations.FindAsync(token)).State);
        Assert.Contains("expired", Assert.Single(result.Errors).Message);
        Assert.Null(await _scenario.PersonAsync(Email));
        Assert.Null((await _scenario.InvitationAsync(Email)).AcceptedAtUtc);
    }

    [Fact]
    public async Task Invitation_still_works_a_minute_before_it_expires()
    {
        var token = await _scenario.InviteAsync(Email);
        _scenario.Time.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));

        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Newcomer", "Harbour-Lights-9");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Two_accepts_at_once_let_exactly_one_through()
    {
        var token = await _scenario.InviteAsync(Email);

        var results = await Task.WhenAll(
            Task.Run(() => _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena in tab one", "Harbour-Lights-9")),
            Task.Run(() => _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena in tab two", "Harbour-Lights-9")));

        Assert.Single(results, r => r.Person is not null);
        var refused = Assert.Single(results, r => r.Person is null);
        Assert.Contains("used already", Assert.Single(refused.Errors).Message);
        Assert.Equal([ProgrammeRole.Mentor], await _scenario.RolesOfAsync(Email, _scenario.Harbour.Id));
    }

    [Fact]
    public async Task Two_accepts_at_once_by_the_signed_in_owner_add_one_membership()
    {
        var lena = await _scenario.AddAccountAsync("Lena Owner");
        var token = await _scenario.InviteAsync(lena.Email!);
        var user = PeopleScenario.As(lena);

        var results = await Task.WhenAll(
            Task.Run(() => _scenario.Invitations.AcceptAsSignedInAsync(token, user)),
            Task.Run(() => _scenario.Invitations.AcceptAsSignedInAsync(token, user)));

        Assert.Single(results, r => r.Person is not null);
        Assert.Contains("used already", Assert.Single(Assert.Single(results, r => r.Person is null).Errors).Message);
        Assert.Equal([ProgrammeRole.Mentor], await _scenario.RolesOfAsync(lena.Email!, _scenario.Harbour.Id));
    }

    [Fact]
    public async Task Used_invitation_cannot_be_used_again()
    {
        var token = await _scenario.InviteAsync(Email);
        await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Newcomer", "Harbour-Lights-9");

        var again = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Someone Else", "Harbour-Lights-9");

        Assert.Equal(InvitationState.Accepted, (await _scenario.Invitations.FindAsync(token)).State);
        Assert.Null(again.Person);
        Assert.Equal("Lena Newcomer", (await _scenario.PersonAsync(Email))!.DisplayName);
    }

    [Fact]
    public async Task Revoked_invitation_is_refused_and_listed_no_more()
    {
        var token = await _scenario.InviteAsync(Email);
        var invitation = await _scenario.InvitationAsync(Email);

        var revoked = await _scenario.Invitations.RevokeAsync(
            PeopleScenario.As(_scenario.Marta), _scenario.Harbour.Id, invitation.Id);
        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Newcomer", "Harbour-Lights-9");

        Assert.True(revoked.Succeeded);
        Assert.Contains("withdrawn", Assert.Single(result.Errors).Message);
        Assert.Null(await _scenario.PersonAsync(Email));
        Assert.Empty((await _scenario.Invitations.ListPendingAsync(
            PeopleScenario.As(_scenario.Marta), _scenario.Harbour.Id))!);
        Assert.Contains(AuditKind.InvitationRevoked, await _scenario.AuditKindsAsync());
    }

    [Fact]
    public async Task Resending_makes_a_new_link_and_the_old_one_stops_working()
    {
        var oldToken = await _scenario.InviteAsync(Email);
        var invitation = await _scenario.InvitationAsync(Email);
        _scenario.Time.Advance(TimeSpan.FromDays(20));

        var resent = await _scenario.Invitations.ResendAsync(
            PeopleScenario.As(_scenario.Marta), _scenario.Harbour.Id, invitation.Id, PeopleScenario.RequestBase);

        Assert.True(resent.Succeeded);
        var newToken = PeopleScenario.TokenIn(
            (await _scenario.Smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10)))[^1]);
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(InvitationState.Unknown, (await _scenario.Invitations.FindAsync(oldToken)).State);
        Assert.Equal(InvitationState.Valid, (await _scenario.Invitations.FindAsync(newToken)).State);
        var accepted =
            await _scenario.Invitations.AcceptAsNewPersonAsync(newToken, "Lena Newcomer", "Harbour-Lights-9");
        Assert.Empty(accepted.Errors);
    }

    [Fact]
    public async Task Coordinator_of_another_programme_can_neither_invite_nor_resend_nor_revoke()
    {
        await _scenario.InviteAsync(Email);
        var invitation = await _scenario.InvitationAsync(Email);
        var jonas = PeopleScenario.As(_scenario.Jonas);

        var invited = await _scenario.Invitations.InviteAsync(jonas, _scenario.Harbour.Id,
            new InvitationInput { Email = "other@mentors.test", Role = ProgrammeRole.Coordinator },
            PeopleScenario.RequestBase);
        var resent = await _scenario.Invitations.ResendAsync(
            jonas, _scenario.Harbour.Id, invitation.Id, PeopleScenario.RequestBase);
        var revokedFromOwnProgramme =
            await _scenario.Invitations.RevokeAsync(jonas, _scenario.River.Id, invitation.Id);
        var listed = await _scenario.Invitations.ListPendingAsync(jonas, _scenario.Harbour.Id);

        Assert.False(invited.Succeeded);
        Assert.False(resent.Succeeded);
        Assert.False(revokedFromOwnProgramme.Succeeded);
        Assert.Null(listed);
        Assert.Single(_scenario.Smtp.Messages);
        var unchanged = await _scenario.InvitationAsync(Email);
        Assert.Equal(invitation.TokenHash, unchanged.TokenHash);
        Assert.Null(unchanged.RevokedAtUtc);
    }

    [Fact]
    public async Task Network_admin_invites_into_any_programme_of_the_network()
    {
        var result = await _scenario.Invitations.InviteAsync(PeopleScenario.As(_scenario.Amira), _scenario.River.Id,
            new InvitationInput { Email = Email, Role = ProgrammeRole.Coordinator }, PeopleScenario.RequestBase);

        Assert.True(result.Succeeded);
        Assert.Equal(_scenario.River.Id, (await _scenario.InvitationAsync(Email)).ProgrammeId);
    }

    [Theory]
    [InlineData("", ProgrammeRole.Mentor, PeopleFields.Email)]
    [InlineData("not an address", ProgrammeRole.Mentor, PeopleFields.Email)]
    [InlineData("Lena <lena@mentors.test>", ProgrammeRole.Mentor, PeopleFields.Email)]
    [InlineData("lena@mentors.test", null, PeopleFields.Role)]
    public async Task Bad_input_is_refused_at_its_field_and_nothing_is_sent(
        string email, ProgrammeRole? role, string field)
    {
        var result = await _scenario.Invitations.InviteAsync(PeopleScenario.As(_scenario.Marta), _scenario.Harbour.Id,
            new InvitationInput { Email = email, Role = role }, PeopleScenario.RequestBase);

        Assert.Equal(field, Assert.Single(result.Errors).Field);
        Assert.Empty(_scenario.Smtp.Messages);
        Assert.Empty(await _scenario.AuditKindsAsync());
    }

    [Fact]
    public async Task Address_with_the_role_already_or_an_open_invitation_is_refused()
    {
        await _scenario.InviteAsync(Email);
        var marta = PeopleScenario.As(_scenario.Marta);

        var again = await _scenario.Invitations.InviteAsync(marta, _scenario.Harbour.Id,
            new InvitationInput { Email = Email, Role = ProgrammeRole.Mentor }, PeopleScenario.RequestBase);
        var existing = await _scenario.Invitations.InviteAsync(marta, _scenario.Harbour.Id,
            new InvitationInput { Email = _scenario.Marta.Email!, Role = ProgrammeRole.Coordinator },
            PeopleScenario.RequestBase);

        Assert.Contains("open invitation", Assert.Single(again.Errors).Message);
        Assert.Contains("already has this role", Assert.Single(existing.Errors).Message);
        Assert.Single(_scenario.Smtp.Messages);
    }

    [Fact]
    public async Task Weak_password_is_refused_by_identity_and_the_link_keeps_working()
    {
        var token = await _scenario.InviteAsync(Email);

        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Newcomer", "short");

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal(PeopleFields.Password, e.Field));
        Assert.Null(await _scenario.PersonAsync(Email));
        Assert.Equal(InvitationState.Valid, (await _scenario.Invitations.FindAsync(token)).State);
    }

    [Fact]
    public async Task Existing_account_accepts_only_when_signed_in_with_the_invited_address()
    {
        var lena = await _scenario.AddAccountAsync("Lena Owner");
        var someoneElse = await _scenario.AddAccountAsync("Tomas Forwarded");
        var token = await _scenario.InviteAsync(lena.Email!, ProgrammeRole.Coordinator);

        var lookup = await _scenario.Invitations.FindAsync(token);
        var asNewPerson = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Again", "Harbour-Lights-9");
        var wrongAccount = await _scenario.Invitations.AcceptAsSignedInAsync(token, PeopleScenario.As(someoneElse));

        Assert.True(lookup.HasAccount);
        Assert.Contains("already has an account", Assert.Single(asNewPerson.Errors).Message);
        Assert.Contains("another e-mail address", Assert.Single(wrongAccount.Errors).Message);
        Assert.Empty(await _scenario.RolesOfAsync(someoneElse.Email!, _scenario.Harbour.Id));

        var owner = await _scenario.Invitations.AcceptAsSignedInAsync(token, PeopleScenario.As(lena));

        Assert.Empty(owner.Errors);
        Assert.Equal([ProgrammeRole.Coordinator], await _scenario.RolesOfAsync(lena.Email!, _scenario.Harbour.Id));
    }

    [Fact]
    public async Task Imported_participant_with_the_role_is_invited_and_becomes_that_same_person()
    {
        var imported = await _scenario.Data.AddPersonAsync("Iker Imported", _scenario.Harbour.Id, ProgrammeRole.Mentor);
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == imported.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Email, Email)
                .SetProperty(p => p.NormalizedEmail, Email.ToUpperInvariant())
                .SetProperty(p => p.UserName, Email)
                .SetProperty(p => p.NormalizedUserName, Email.ToUpperInvariant()));
        }

        var token = await _scenario.InviteAsync(Email);
        var lookup = await _scenario.Invitations.FindAsync(token);
        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Iker Ibarra", "Harbour-Lights-9");

        Assert.False(lookup.HasAccount);
        Assert.Empty(result.Errors);
        var person = await _scenario.PersonAsync(Email);
        Assert.Equal(imported.Id, person!.Id);
        Assert.Equal("Iker Ibarra", person.DisplayName);
        Assert.True(person.EmailConfirmed);
        Assert.NotNull(person.PasswordHash);
        Assert.Equal([ProgrammeRole.Mentor], await _scenario.RolesOfAsync(Email, _scenario.Harbour.Id));
    }

    [Fact]
    public async Task Disabled_imported_participant_gets_no_account_through_an_invitation()
    {
        var imported = await _scenario.Data.AddPersonAsync("Iker Imported", _scenario.Harbour.Id, ProgrammeRole.Mentor);
        await using (var db = await _scenario.Database.OpenAsync())
        {
            await db.Users.Where(p => p.Id == imported.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Email, Email)
                .SetProperty(p => p.NormalizedEmail, Email.ToUpperInvariant())
                .SetProperty(p => p.DisabledAtUtc, new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)));
        }

        var token = await _scenario.InviteAsync(Email);
        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Iker Ibarra", "Harbour-Lights-9");

        Assert.Contains("disabled", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        var person = await _scenario.PersonAsync(Email);
        Assert.Null(person!.PasswordHash);
        Assert.Equal(InvitationState.Valid, (await _scenario.Invitations.FindAsync(token)).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%")]
    public async Task Unknown_token_is_refused(string? token)
    {
        await _scenario.InviteAsync(Email);

        var result = await _scenario.Invitations.AcceptAsNewPersonAsync(token, "Lena Newcomer", "Harbour-Lights-9");

        Assert.Equal(InvitationState.Unknown, (await _scenario.Invitations.FindAsync(token)).State);
        Assert.Contains("not valid", Assert.Single(result.Errors).Message);
        Assert.Null(await _scenario.PersonAsync(Email));
    }
}
