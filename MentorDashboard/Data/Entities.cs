using Microsoft.AspNetCore.Identity;

namespace MentorDashboard.Data;

/// <summary>The organisation that owns the shared framework and runs several programmes.</summary>
public sealed class Network
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public List<Programme> Programmes { get; set; } = [];

    public List<FrameworkItem> FrameworkItems { get; set; } = [];
}

/// <summary>One mentoring project with one newsroom.</summary>
public sealed class Programme
{
    public int Id { get; set; }

    public int NetworkId { get; set; }

    public Network Network { get; set; } = null!;

    public required string Name { get; set; }

    /// <summary>
    /// Lower-case slug such as <c>welcome-neighbours</c>, unique in the network; local framework items of the
    /// programme's adaptation live under <c>local.&lt;key&gt;.</c>.
    /// </summary>
    public required string Key { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The framework version the programme is pinned to; null follows the latest published one.</summary>
    public int? FrameworkVersionId { get; set; }

    /// <summary>How the programme meets (community, school based, online); it shapes match length.</summary>
    public ProgrammeKind Kind { get; set; }

    /// <summary>
    /// A public newsroom is readable without an account, but shows only the posts whose authors made them public.
    /// </summary>
    public bool NewsroomIsPublic { get; set; }

    /// <summary>Public posts wait for a coordinator's approval before anyone outside the programme sees them.</summary>
    public bool RequiresModeration { get; set; }
}

public enum ProgrammeKind
{
    Community,
    SchoolBased,
    Online,
}

public enum FrameworkItemKind
{
    Topic,
    ActivityType,
}

/// <summary>
/// A topic or activity type of a network's framework (the working copy admins edit), or a local item of one
/// programme's adaptation; known everywhere by its stable key.
/// </summary>
public sealed class FrameworkItem
{
    public int Id { get; set; }

    public int NetworkId { get; set; }

    /// <summary>Null for a network item; set for a local item of that programme's adaptation.</summary>
    public int? ProgrammeId { get; set; }

    public FrameworkItemKind Kind { get; set; }

    /// <summary>Lower-case dotted key such as <c>topic.housing</c>; never edited or reused.</summary>
    public required string Key { get; set; }

    public required string Label { get; set; }

    public int SortOrder { get; set; }

    /// <summary>A retired item is offered no more, but posts that used it still show its label.</summary>
    public bool IsRetired { get; set; }

    public DateTime? RetiredAtUtc { get; set; }
}

/// <summary>
/// A person who can sign in, or a participant brought in by an import who has no account yet (no e-mail or no
/// password) and can be invited later.
/// </summary>
public sealed class Person : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>Demo accounts sign in only in the Development environment.</summary>
    public bool IsDemo { get; set; }

    /// <summary>A network admin configures programmes and the framework of their network.</summary>
    public int? AdminOfNetworkId { get; set; }

    /// <summary>
    /// A researcher of the network sees pseudonymised, aggregated data of its programmes and nothing that names
    /// a person.
    /// </summary>
    public int? ResearcherOfNetworkId { get; set; }

    /// <summary>Set when an admin disabled the person: no sign-in, and open sessions end.</summary>
    public DateTime? DisabledAtUtc { get; set; }

    /// <summary>The name a public newsroom shows for a mentee instead of their initials, chosen with them.</summary>
    public string? Nickname { get; set; }

    /// <summary>A minor's meetings appear in a public newsroom only with a guardian's consent on record.</summary>
    public bool IsMinor { get; set; }

    /// <summary>When a coordinator recorded the guardian's consent to public posts; null while there is none.</summary>
    public DateTime? GuardianConsentAtUtc { get; set; }
}

public enum ProgrammeRole
{
    Mentee,
    Mentor,
    Coordinator,
}

public sealed class Membership
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public Programme Programme { get; set; } = null!;

    public required string PersonId { get; set; }

    public Person Person { get; set; } = null!;

    public ProgrammeRole Role { get; set; }

    /// <summary>
    /// The person's id in the system the programme imported its roster from (a CRM's contact id), unique per
    /// programme and role, so that next month's file finds the same person again.
    /// </summary>
    public string? ExternalId { get; set; }
}

public enum MatchStatus
{
    Active,

    /// <summary>The pair has agreed to stop meeting for a while (illness, exams, travel) and will resume.</summary>
    Paused,

    Closed,
}

/// <summary>One mentor paired with one mentee inside a programme.</summary>
public sealed class Match
{
    public const int ExternalIdMaxLength = 64;

    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public Programme Programme { get; set; } = null!;

    /// <summary>
    /// The match's id in the system the programme imported it from, unique per programme; null for matches
    /// created here. Kept as text exactly as it came, because such ids (18-character CRM ids, ids with leading
    /// zeros) are not numbers.
    /// </summary>
    public string? ExternalId { get; set; }

    public required string MentorId { get; set; }

    public Person Mentor { get; set; } = null!;

    public required string MenteeId { get; set; }

    public Person Mentee { get; set; } = null!;

    public DateOnly StartDate { get; set; }

    public MatchStatus Status { get; set; }

    /// <summary>Set while the match is paused: the day the pause began.</summary>
    public DateOnly? PausedOn { get; set; }

    public string? PauseReason { get; set; }

    /// <summary>When the pair expects to meet again; a paused match past this date needs a look.</summary>
    public DateOnly? ExpectedResumeDate { get; set; }

    public DateOnly? ClosureDate { get; set; }

    /// <summary>
    /// The reason's label as it read when the match closed, kept so that history reads the same after the admin
    /// renames or retires the reason.
    /// </summary>
    public string? ClosureReason { get; set; }

    /// <summary>The programme's closure reason chosen; null for matches closed before reasons were a list.</summary>
    public int? ClosureReasonId { get; set; }

    /// <summary>The coordinator's note on the closure; visible to coordinators only.</summary>
    public string? ClosureNote { get; set; }

    /// <summary>
    /// Counts the match's status changes. EF checks it on every save, so when two coordinators change the same
    /// match at once the second save fails instead of overwriting the first.
    /// </summary>
    public int Version { get; set; }
}

/// <summary>A meeting report in a programme's newsroom.</summary>
public sealed class Post
{
    public long Id { get; set; }

    /// <summary>Copied from the match so that data cards filter one programme without a join.</summary>
    public int ProgrammeId { get; set; }

    public int MatchId { get; set; }

    public Match Match { get; set; } = null!;

    public required string AuthorId { get; set; }

    public Person Author { get; set; } = null!;

    public DateOnly Date { get; set; }

    public int Minutes { get; set; }

    public required string ActivityTypeKey { get; set; }

    public List<PostTopic> Topics { get; set; } = [];

    /// <summary>How it went, 1 (badly) to 5 (very well).</summary>
    public int Rating { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set by the post form, unique, so a retried submit is recognised instead of saved twice.</summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>The author's choice to show the post in the programme's public newsroom.</summary>
    public bool IsPublic { get; set; }

    /// <summary>Where a coordinator's review of the post stands; see <see cref="PostReview"/>.</summary>
    public PostReview Review { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedById { get; set; }
}

/// <summary>
/// A coordinator's decision on a post. Moderated programmes show a public post only once it is approved; a
/// report sends an approved post back for review.
/// </summary>
public enum PostReview
{
    NotReviewed,
    Approved,
    Rejected,
}

public sealed class PostTopic
{
    public long PostId { get; set; }

    public required string TopicKey { get; set; }
}
