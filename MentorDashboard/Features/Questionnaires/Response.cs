namespace MentorDashboard.Features.Questionnaires;

/// <summary>One person's answers to one questionnaire for one match, on one of its occasions.</summary>
public sealed class Response
{
    public long Id { get; set; }

    public int QuestionnaireId { get; set; }

    public int MatchId { get; set; }

    /// <summary>Copied from the match so that data cards filter one programme without a join.</summary>
    public int ProgrammeId { get; set; }

    public required string RespondentId { get; set; }

    /// <summary>The due date this response answers.</summary>
    public DateOnly Occasion { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>Chosen by the answering page once, so a retried submit is recognised instead of saved twice.</summary>
    public Guid SubmissionId { get; set; }

    public List<ResponseAnswer> Answers { get; set; } = [];

    public List<ResponseScore> Scores { get; set; } = [];
}

public sealed class ResponseAnswer
{
    public long ResponseId { get; set; }

    public required string ItemKey { get; set; }

    /// <summary>The point chosen, 1 to the scale's points, as answered (before any reversal).</summary>
    public int Value { get; set; }
}

/// <summary>A scale's score, computed when the response is saved so that data cards read it cheaply.</summary>
public sealed class ResponseScore
{
    public long ResponseId { get; set; }

    public required string ScaleKey { get; set; }

    /// <summary>Null when too few of the scale's items were answered.</summary>
    public double? Score { get; set; }

    public string? Band { get; set; }

    public bool IsConcern { get; set; }
}
