using System.Globalization;
using MentorDashboard.Features.Framework;

namespace MentorDashboard.Features.Newsroom;

/// <summary>What a mentor fills in for one meeting; mutable because the form binds to it.</summary>
public sealed class PostInput
{
    public const int MinMinutes = 5;

    public const int MaxMinutes = 600;

    public const int MaxTextLength = 2000;

    /// <summary>Chosen by the form once, so a submit retried over a poor connection saves one post, not two.</summary>
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    public int? MatchId { get; set; }

    public DateTime? Date { get; set; }

    public int? Minutes { get; set; }

    public string? ActivityTypeKey { get; set; }

    public IReadOnlyCollection<string> TopicKeys { get; set; } = [];

    /// <summary>1 (badly) to 5 (very well); 0 while not chosen.</summary>
    public int Rating { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The author's choice to show the post in the programme's public newsroom; off unless ticked.</summary>
    public bool IsPublic { get; set; }
}

/// <summary>
/// One reason a post was refused; <see cref="Message"/> is the English text and localisation key, and
/// <see cref="Found"/> the words of the post it is about, if any.
/// </summary>
public sealed record PostError(string Field, string Message, string? Found = null);

public static class PostFields
{
    public const string Match = nameof(PostInput.MatchId);
    public const string Date = nameof(PostInput.Date);
    public const string Minutes = nameof(PostInput.Minutes);
    public const string ActivityType = nameof(PostInput.ActivityTypeKey);
    public const string Topics = nameof(PostInput.TopicKeys);
    public const string Rating = nameof(PostInput.Rating);
    public const string Text = nameof(PostInput.Text);
    public const string IsPublic = nameof(PostInput.IsPublic);

    /// <summary>An error about the post as a whole rather than one field.</summary>
    public const string Post = "";
}

/// <summary>The rules a post must meet, shared by the form (for quick feedback) and the server (to enforce).</summary>
public static class PostValidation
{
    public static IReadOnlyList<PostError> Validate(PostInput input, DateOnly today, ProgrammeFramework framework)
    {
        var errors = new List<PostError>();
        if (input.MatchId is null)
        {
            errors.Add(new(PostFields.Match, "Choose the match this meeting was with."));
        }

        if (input.Date is not { } date)
        {
            errors.Add(new(PostFields.Date, "Enter the date of the meeting."));
        }
        else if (DateOnly.FromDateTime(date) > today)
        {
            errors.Add(new(PostFields.Date, "The meeting date cannot be in the future."));
        }

        if (input.Minutes is not { } minutes)
        {
            errors.Add(new(PostFields.Minutes, "Enter how long the meeting lasted, in minutes."));
        }
        else if (minutes is < PostInput.MinMinutes or > PostInput.MaxMinutes)
        {
            errors.Add(new(PostFields.Minutes, "A meeting lasts between 5 and 600 minutes."));
        }

        if (string.IsNullOrEmpty(input.ActivityTypeKey))
        {
            errors.Add(new(PostFields.ActivityType, "Choose what you did together."));
        }
        else if (framework.ActivityTypes.All(a => a.Key != input.ActivityTypeKey))
        {
            errors.Add(new(PostFields.ActivityType, "That activity type is not in your programme's framework."));
        }

        if (input.TopicKeys.Count == 0)
        {
            errors.Add(new(PostFields.Topics, "Choose at least one topic you talked about."));
        }
        else if (input.TopicKeys.Any(key => framework.Topics.All(t => t.Key != key)))
        {
            errors.Add(new(PostFields.Topics, "A topic is not in your programme's framework."));
        }

        if (input.Rating is < 1 or > 5)
        {
            errors.Add(new(PostFields.Rating, "Choose a face for how the meeting went."));
        }

        if (!input.Text.Any(IsVisible))
        {
            errors.Add(new(PostFields.Text, "Write a few words about the meeting."));
        }
        else if (input.Text.Length > PostInput.MaxTextLength)
        {
            errors.Add(new(PostFields.Text, "The story can be at most 2,000 characters long."));
        }

        return errors;
    }

    // Zero-width spaces and other format characters alone would make an empty-looking post.
    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format;

    /// <summary>The story as stored: trimmed, without control characters other than line breaks and tabs.</summary>
    public static string CleanText(string text) =>
        new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray()).Trim();
}
