using MentorDashboard.Features.Accounts;
using MentorDashboard.Features.Audit;
using MentorDashboard.Features.Dashboard;
using MentorDashboard.Features.Framework;
using MentorDashboard.Features.Health;
using MentorDashboard.Features.Live;
using MentorDashboard.Features.Matches;
using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.Questionnaires;
using MentorDashboard.Features.Reminders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Support;

/// <summary>The app's feature services wired by hand over a test database and a test clock.</summary>
public sealed class FeatureServices
{
    public FeatureServices(TestDatabase database, TimeProvider time)
    {
        Framework = new FrameworkService(database.Factory);
        Audit = new AuditLog(database.Factory, time);
        Events = new InProcessProgrammeEvents(NullLogger<InProcessProgrammeEvents>.Instance, time);
        Posts = new PostService(database.Factory, Framework, Events, time, NullLogger<PostService>.Instance);
        Questionnaires = new QuestionnaireService(
            database.Factory, Events, time, NullLogger<QuestionnaireService>.Instance);
        Access = new ProgrammeAccess(database.Factory);
        Live = new LiveAccess(Events, Access, time, NullLogger<LiveAccess>.Instance);
        HealthRules = new HealthRuleService(database.Factory, Events, time, NullLogger<HealthRuleService>.Instance);
        Health = new HealthService(
            database.Factory, Questionnaires, Access, Events, time, NullLogger<HealthService>.Instance);
        Dashboard = new DashboardService(
            database.Factory, Framework, Posts, Questionnaires, Health, time, NullLogger<DashboardService>.Instance);
        Cards = new DashboardCards(database.Factory, Events, time, NullLogger<DashboardCards>.Instance);
        FrameworkEditing = new FrameworkEditingService(
            database.Factory, Framework, time, NullLogger<FrameworkEditingService>.Instance);
        FrameworkVersions = new FrameworkVersionService(
            database.Factory, Framework, time, NullLogger<FrameworkVersionService>.Instance);
        FrameworkTransfer = new FrameworkTransferService(
            database.Factory, FrameworkEditing, time, NullLogger<FrameworkTransferService>.Instance);
        QuestionnaireEditing = new QuestionnaireEditingService(
            database.Factory, time, NullLogger<QuestionnaireEditingService>.Instance);
        Adaptation = new AdaptationService(database.Factory, Framework, NullLogger<AdaptationService>.Instance);
        Matches = new MatchService(database.Factory, Events, time, NullLogger<MatchService>.Instance);
        MatchTimeline = new MatchTimelineService(database.Factory, Framework, time);
        ClosureReasons = new ClosureReasonService(database.Factory, NullLogger<ClosureReasonService>.Instance);
        Reminders = new ReminderService(database.Factory, Questionnaires, Options.Create(new ReminderOptions()), time,
            NullLogger<ReminderService>.Instance);
    }

    public FrameworkService Framework { get; }

    public AuditLog Audit { get; }

    public InProcessProgrammeEvents Events { get; }

    public PostService Posts { get; }

    public ProgrammeAccess Access { get; }

    /// <summary>Live subscriptions through the programme policies, on <see cref="Events"/>.</summary>
    public LiveAccess Live { get; }

    public HealthRuleService HealthRules { get; }

    public HealthService Health { get; }

    public DashboardService Dashboard { get; }

    public DashboardCards Cards { get; }

    public QuestionnaireService Questionnaires { get; }

    public QuestionnaireEditingService QuestionnaireEditing { get; }

    public FrameworkEditingService FrameworkEditing { get; }

    public FrameworkVersionService FrameworkVersions { get; }

    public FrameworkTransferService FrameworkTransfer { get; }

    public AdaptationService Adaptation { get; }

    public MatchService Matches { get; }

    public MatchTimelineService MatchTimeline { get; }

    public ClosureReasonService ClosureReasons { get; }

    public ReminderService Reminders { get; }
}
