using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class PasswordRulesTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async ValueTask InitializeAsync() => _app = await AppFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Shipped_list_holds_hundreds_of_lower_case_common_passwords()
    {
        var list = CommonPasswordValidator.CommonPasswords;

        Assert.True(list.Count >= 300, $"The list has only {list.Count} entries.");
        Assert.All(list, entry => Assert.Equal(entry.ToLowerInvariant(), entry));
        Assert.Contains("password", list);
        Assert.Contains("qwerty123", list);
    }

    [Theory]
    [InlineData("P@ssw0rd", "CommonPassword")]
    [InlineData("QWERTY123", "CommonPassword")]
    [InlineData("Football2026!", "CommonPassword")]
    [InlineData("Letmein-123", "CommonPassword")]
    [InlineData("Halloway-Bridge-7", "PasswordContainsName")]
    [InlineData("Wren.Halloway-99", "PasswordContainsName")]
    [InlineData("xWRENHALLOWAYx1!", "PasswordContainsName")]
    public async Task Common_passwords_and_the_persons_own_names_are_refused(string password, string code)
    {
        var errors = await ErrorsForAsync(password);

        Assert.Contains(code, errors);
    }

    [Theory]
    [InlineData("Kettle-Lantern-42")]
    [InlineData("Orchard-Compass-318")]
    [InlineData("Blue-Heron-Tide-9")]
    public async Task Unusual_passwords_pass(string password) => Assert.Empty(await ErrorsForAsync(password));

    [Fact]
    public async Task Messages_say_what_to_do()
    {
        var common = await DescriptionsForAsync("Sunshine1!");
        var name = await DescriptionsForAsync("Halloway-Bridge-7");

        Assert.Contains(
            "This password is one of the most common ones and easy to guess. Choose a longer, unusual one.", common);
        Assert.Contains(
            "The password must not contain your name or the name part of your e-mail address.", name);
    }

    private async Task<List<string>> ErrorsForAsync(string password) =>
        [.. (await ValidateAsync(password)).Select(e => e.Code)];

    private async Task<List<string>> DescriptionsForAsync(string password) =>
        [.. (await ValidateAsync(password)).Select(e => e.Description)];

    private async Task<IEnumerable<IdentityError>> ValidateAsync(string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var person = new Person
        {
            DisplayName = "Wren Halloway",
            Email = "wren.halloway@mentors.test",
            UserName = "wren.halloway@mentors.test",
        };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, person, password)).Errors);
        }

        return errors;
    }
}
