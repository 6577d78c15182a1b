using System.Net;
using MentorDashboard.Tests.Support;

namespace MentorDashboard.Tests.Features.Accounts;

public sealed class DemoAccountLoginTests
{
    private const string DemoAccountError =
        "Demo accounts can only sign in while the app runs in the Development environment.";

    [Theory]
    [InlineData("Development", true, true)]
    [InlineData("Production", true, false)]
    [InlineData("Production", false, true)]
    public async Task Demo_accounts_sign_in_only_in_development(string environment, bool isDemo, bool signsIn)
    {
        await using var app = await AppFactory.CreateAsync(environment);
        var person = await app.Accounts.AddAsync("Wren Halloway", isDemo: isDemo);
        var client = app.CreateBrowserClient();

        using var response = await client.SubmitLoginAsync(person.Email!, TestAccounts.Password);

        Assert.Equal(signsIn, AccountPages.SetsAuthCookie(response));
        Assert.Equal(signsIn ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        var error = AccountPages.LoginErrorIn(await response.Content.ReadAsStringAsync());
        Assert.Equal(signsIn ? null : DemoAccountError, error);
    }
}
