using MentorDashboard.Data;

namespace MentorDashboard.Features.Framework;

/// <summary>
/// A working-copy item as the editors list it. <see cref="KeyLocked"/>: posts use the key or a published version
/// holds it, so it can no longer change.
/// </summary>
public sealed record FrameworkItemView(
    int Id, FrameworkItemKind Kind, string Key, string Label, int SortOrder, bool IsRetired, bool KeyLocked);
