using System.Security.Claims;
using System.Text;
using Bunit;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Framework;
using MentorDashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace MentorDashboard.Tests.Features.Framework;

public sealed class FrameworkEditorTests : MudTestContext, IAsyncLifetime
{
    private readonly FixedTime _time = FixedTime.At(2026, 12, 3);
    private TestDatabase _database = null!;
    private FeatureServices _features = null!;
    private Network _network = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var data = new TestData(_database);
        _features = new FeatureServices(_database, _time);
        _network = await data.AddNetworkAsync();
        var admin = await data.AddPersonAsync("Helena Admin");
        await using (var db = await _database.OpenAsync())
        {
            (await db.Users.FindAsync(admin.Id))!.AdminOfNetworkId = _network.Id;
            await db.SaveChangesAsync();
        }

        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(_features.FrameworkEditing);
        Services.AddSingleton(_features.FrameworkVersions);
        Services.AddSingleton(_features.FrameworkTransfer);
        Services.AddSingleton(new ProgrammeAccess(_database.Factory));
        var authorization = AddAuthorization();
        authorization.SetAuthorized("helena.admin@mentors.test");
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id));
        RenderAs(interactive: true);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Editor_lists_the_network_topics_in_order()
    {
        var editor = RenderEditor();

        editor.WaitForAssertion(
            () => Assert.Equal(
                TestData.TopicKeys,
                editor.FindAll("#topics-items tbody tr").Select(row => row.GetAttribute("data-key"))),
            WaitTimeout);
    }

    [Fact]
    public void Bad_key_shows_its_rule_and_adds_nothing()
    {
        var editor = RenderEditor();
        editor.WaitForElement("#topics-new-key", WaitTimeout);

        editor.Find("#topics-new-key").Change("Boats");
        editor.Find("#topics-new-label").Change("Boats");
        editor.Find("#topics-add").Click();

        editor.WaitForAssertion(
            () => Assert.Contains(
                "Boats is not a valid key: use lower-case dotted parts such as topic.housing.", editor.Markup),
            WaitTimeout);
        Assert.Equal(3, editor.FindAll("#topics-items tbody tr").Count);
    }

    [Fact]
    public void Admin_adds_a_topic_and_sees_it_last_in_the_list()
    {
        var editor = RenderEditor();
        editor.WaitForElement("#topics-new-key", WaitTimeout);

        editor.Find("#topics-new-key").Change("topic.boats");
        editor.Find("#topics-new-label").Change("Boats and the harbour");
        editor.Find("#topics-add").Click();

        editor.WaitForAssertion(() =>
        {
            var last = editor.FindAll("#topics-items tbody tr")[^1];
            Assert.Equal("topic.boats", last.GetAttribute("data-key"));
            Assert.Contains("Boats and the harbour", last.TextContent);
        }, WaitTimeout);
        Assert.Equal("", editor.Find("#topics-new-key").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Import_of_a_file_in_another_encoding_says_where_and_imports_nothing()
    {
        var before = await _features.FrameworkTransfer.ExportAsync(_network.Id);
        var document = before.Replace("\"housing\"", "\"Logement\u00e9\"", StringComparison.Ordinal);
        var latin1 = Encoding.Latin1.GetBytes(document);
        Render<MudSnackbarProvider>();
        var panel = Render<FrameworkTransferPanel>(p => p.Add(c => c.NetworkId, _network.Id));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(latin1, "framework.json"));

        panel.WaitForAssertion(() =>
        {
            var errors = panel.Find("#import-errors").TextContent;
            Assert.Contains("Nothing was imported. Fix this error and try again:", errors);
            Assert.Contains(
                "The file is not saved as UTF-8: line 6, position 25 holds a character in another encoding.", errors);
        }, WaitTimeout);
        Assert.Equal(before, await _features.FrameworkTransfer.ExportAsync(_network.Id));
    }

    private IRenderedComponent<FrameworkEditor> RenderEditor()
    {
        RenderPopoverProvider();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<FrameworkEditor>();
    }
}
