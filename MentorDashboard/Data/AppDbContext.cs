using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MentorDashboard.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<Person>(options)
{
    public DbSet<Network> Networks => Set<Network>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<FrameworkItem> FrameworkItems => Set<FrameworkItem>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Match> Matches => Set<Match>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostTopic> PostTopics => Set<PostTopic>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Features that own their tables (questionnaires, framework versions, ...) configure them in their own
        // folder with an IEntityTypeConfiguration and reach them through Set<T>().
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        builder.Entity<Network>().Property(n => n.Name).HasMaxLength(200);

        builder.Entity<Programme>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Description).HasMaxLength(2000);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Key).HasMaxLength(60);
            e.HasIndex(p => new { p.NetworkId, p.Key }).IsUnique();
        });

        builder.Entity<FrameworkItem>(e =>
        {
            e.Property(i => i.Key).HasMaxLength(120);
            e.Property(i => i.Label).HasMaxLength(200);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(i => new { i.NetworkId, i.Key }).IsUnique();
            e.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Person>(e =>
        {
            e.Property(p => p.DisplayName).HasMaxLength(200);
            e.Property(p => p.Nickname).HasMaxLength(40);
            e.HasOne<Network>().WithMany().HasForeignKey(p => p.ResearcherOfNetworkId)
                .OnDelete(DeleteBehavior.SetNull);

            // People sign in by e-mail, so two accounts must never share one. People without an account have
            // no e-mail, and SQLite's unique index allows any number of NULLs.
            e.HasIndex(p => p.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
            e.HasOne<Network>().WithMany().HasForeignKey(p => p.AdminOfNetworkId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Membership>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(m => new { m.PersonId, m.ProgrammeId, m.Role }).IsUnique();
            e.HasIndex(m => new { m.ProgrammeId, m.Role });
            e.Property(m => m.ExternalId).HasMaxLength(Match.ExternalIdMaxLength);
            e.HasIndex(m => new { m.ProgrammeId, m.Role, m.ExternalId }).IsUnique();
        });

        builder.Entity<Match>(e =>
        {
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.ClosureReason).HasMaxLength(200);
            e.Property(m => m.PauseReason).HasMaxLength(500);
            e.Property(m => m.ClosureNote).HasMaxLength(1000);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.Mentee).WithMany().HasForeignKey(m => m.MenteeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.ProgrammeId, m.Status });
            e.Property(m => m.ExternalId).HasMaxLength(Match.ExternalIdMaxLength);

            // SQLite's unique index allows any number of NULLs: matches created here have no external id.
            e.HasIndex(m => new { m.ProgrammeId, m.ExternalId }).IsUnique();
        });

        builder.Entity<Post>(e =>
        {
            e.Property(p => p.ActivityTypeKey).HasMaxLength(120);
            e.Property(p => p.Text).HasMaxLength(2000);
            e.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.ProgrammeId, p.Date });
            e.HasIndex(p => new { p.ProgrammeId, p.CreatedAtUtc });
            e.HasIndex(p => new { p.MatchId, p.Date });
            e.HasIndex(p => p.SubmissionId).IsUnique();
            e.Property(p => p.Review).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(p => new { p.ProgrammeId, p.IsPublic, p.Review });
        });

        builder.Entity<PostTopic>(e =>
        {
            e.HasKey(t => new { t.PostId, t.TopicKey });
            e.Property(t => t.TopicKey).HasMaxLength(120);
        });
    }
}
