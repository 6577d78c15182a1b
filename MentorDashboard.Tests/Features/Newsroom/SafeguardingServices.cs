using MentorDashboard.Features.Newsroom;
using MentorDashboard.Features.PublicNewsroom;
using MentorDashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorDashboard.Tests.Features.Newsroom;

/// <summary>The newsroom settings, moderation and public newsroom services over a test database and clock.</summary>
internal sealed class SafeguardingServices(TestDatabase database, FeatureServices features, TimeProvider time)
{
    public NewsroomSettingsService Settings { get; } =
        new(database.Factory, features.Audit, time, NullLogger<NewsroomSettingsService>.Instance);

    public ModerationService Moderation { get; } =
        new(database.Factory, features.Audit, time, NullLogger<ModerationService>.Instance);

    public PublicNewsroomService PublicNews { get; } =
        new(database.Factory, features.Framework, time, NullLogger<PublicNewsroomService>.Instance);
}
