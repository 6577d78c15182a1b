namespace MentorDashboard;

/// <summary>
/// Marker for the one set of UI strings. Keys are the English text, so an untranslated string still reads well;
/// a translation is a <c>Resources/SharedResource.&lt;culture&gt;.resx</c> beside this file.
/// </summary>
public sealed class SharedResource;
