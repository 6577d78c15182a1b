using System.Text.Json;
using MentorDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorDashboard.Features.Questionnaires;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> e)
    {
        e.ToTable("Questionnaires");
        e.Property(q => q.Key).HasMaxLength(120);
        e.Property(q => q.Title).HasMaxLength(200);
        e.Property(q => q.Respondent).HasConversion<string>().HasMaxLength(20);
        e.Property(q => q.ResponseScale).HasJsonConversion();
        e.HasOne<Network>().WithMany().HasForeignKey(q => q.NetworkId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(q => q.Items).WithOne().HasForeignKey(i => i.QuestionnaireId);
        e.HasMany(q => q.Scales).WithOne().HasForeignKey(s => s.QuestionnaireId);
        e.HasIndex(q => new { q.NetworkId, q.Key }).IsUnique();
    }
}

internal sealed class QuestionnaireItemConfiguration : IEntityTypeConfiguration<QuestionnaireItem>
{
    public void Configure(EntityTypeBuilder<QuestionnaireItem> e)
    {
        e.ToTable("QuestionnaireItems");
        e.Property(i => i.Key).HasMaxLength(120);
        e.Property(i => i.Text).HasMaxLength(500);
        e.Property(i => i.Texts).HasJsonConversion();
        e.Property(i => i.ScaleKey).HasMaxLength(120);
        e.HasIndex(i => new { i.QuestionnaireId, i.Key }).IsUnique();
    }
}

internal sealed class QuestionnaireScaleConfiguration : IEntityTypeConfiguration<QuestionnaireScale>
{
    public void Configure(EntityTypeBuilder<QuestionnaireScale> e)
    {
        e.ToTable("QuestionnaireScales");
        e.Property(s => s.Key).HasMaxLength(120);
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Scoring).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.Bands).HasJsonConversion();
        e.HasIndex(s => new { s.QuestionnaireId, s.Key }).IsUnique();
    }
}

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> e)
    {
        e.ToTable("Responses");
        e.HasOne<Questionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Match>().WithMany().HasForeignKey(r => r.MatchId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.RespondentId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId);
        e.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ResponseId);
        e.HasIndex(r => r.SubmissionId).IsUnique();

        // One response per person and occasion, even when two different submissions race each other.
        e.HasIndex(r => new { r.MatchId, r.QuestionnaireId, r.RespondentId, r.Occasion }).IsUnique();
        e.HasIndex(r => new { r.ProgrammeId, r.Occasion });
    }
}

internal sealed class ResponseAnswerConfiguration : IEntityTypeConfiguration<ResponseAnswer>
{
    public void Configure(EntityTypeBuilder<ResponseAnswer> e)
    {
        e.ToTable("ResponseAnswers");
        e.HasKey(a => new { a.ResponseId, a.ItemKey });
        e.Property(a => a.ItemKey).HasMaxLength(120);
    }
}

internal sealed class ResponseScoreConfiguration : IEntityTypeConfiguration<ResponseScore>
{
    public void Configure(EntityTypeBuilder<ResponseScore> e)
    {
        e.ToTable("ResponseScores");
        e.HasKey(s => new { s.ResponseId, s.ScaleKey });
        e.Property(s => s.ScaleKey).HasMaxLength(120);
        e.Property(s => s.Band).HasMaxLength(120);
    }
}

internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Stores a small value (labels, bands, translations) as one JSON text column. It is compared by its JSON, so
    /// a changed list element is saved like a changed property.
    /// </summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class =>
        property
            .HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                json => JsonSerializer.Deserialize<T>(json, Options)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!))
            .IsRequired();
}
