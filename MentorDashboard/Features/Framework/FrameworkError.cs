using System.Globalization;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// One reason a framework change was refused. <see cref="Path"/> names the field (<c>key</c>, <c>label</c>) or, for
/// an import, the place in the document (<c>$.topics[3].key</c>); <see cref="Message"/> is the English text and
/// localisation key, with <see cref="Arguments"/> in its <c>{0}</c>, <c>{1}</c>…
/// </summary>
public sealed record FrameworkError(string Path, string Message, params string[] Arguments)
{
    public string Text => string.Format(CultureInfo.InvariantCulture, Message, Arguments);
}

public static class FrameworkFields
{
    public const string Key = "key";

    public const string Label = "label";

    public const string Item = "item";
}
