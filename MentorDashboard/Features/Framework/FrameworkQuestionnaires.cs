using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// The <c>questionnaires</c> section of the last imported framework document, kept as it came so that an export
/// and every published version carry it on.
/// </summary>
/// <remarks>
/// TODO: replace with the questionnaires feature's own tables once it defines the section's content; until then
/// the framework only checks that it is an array of objects with a string key.
/// </remarks>
public sealed class FrameworkQuestionnaires
{
    public int NetworkId { get; set; }

    public required string Json { get; set; }
}

internal sealed class FrameworkQuestionnairesConfiguration : IEntityTypeConfiguration<FrameworkQuestionnaires>
{
    public void Configure(EntityTypeBuilder<FrameworkQuestionnaires> builder)
    {
        builder.HasKey(q => q.NetworkId);
        builder.HasOne<Network>().WithOne().HasForeignKey<FrameworkQuestionnaires>(q => q.NetworkId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
