using MentorDashboard.Components;
using MentorDashboard.Data;
using MentorDashboard.Features.Demo;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddIdentityCore<Person>().AddEntityFrameworkStores<AppDbContext>();
builder.Services.AddDemoData(builder.Configuration, args);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.Services.SeedDemoDataIfAskedAsync(app.Lifetime.ApplicationStopping);

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
