using MentorDashboard;
using MentorDashboard.Components;
using MentorDashboard.Data;
using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Exports;
using MentorDashboard.Features.Demo;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Import;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.People;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.Reminders;
using MentorDashboard.Features.Security;
using MentorDashboard.Features.SupportContacts;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddCircuitLimits(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddMudServices();
builder.Services.AddAppLocalization(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddAudit();
builder.Services.AddSecurity(builder.Configuration);
builder.Services.AddLiveUpdates();
builder.Services.AddFramework();
builder.Services.AddNewsroom();
builder.Services.AddQuestionnaires();
builder.Services.AddDashboard();
builder.Services.AddMatches();
builder.Services.AddSupportContacts();
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddImport(builder.Configuration);
builder.Services.AddExports();
builder.Services.AddPeople(builder.Configuration);
builder.Services.AddDemoData(builder.Configuration, args);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseSecurityHeaders();

app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);

// Called here rather than left to the host, which would put them first: refusals must carry the security headers
// and count against the rate limits, and the limits partition by the signed-in person.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapDashboardApi();
app.MapNewsroomApi();
app.MapFrameworkApi();
app.MapExportsApi();
app.MapApiFallback();

await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
await app.Services.SeedDemoDataIfAskedAsync(app.Lifetime.ApplicationStopping);

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
