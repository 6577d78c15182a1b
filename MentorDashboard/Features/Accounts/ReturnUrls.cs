namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Where the sign-in page may send a person afterwards: only a plain path on this site. An open redirect would let
/// a phishing link borrow our sign-in page, and browsers are lenient: they drop tabs and line breaks, read "\" as
/// "/", and resolve "/./" and "/../", so "/\t/evil.example" or "/.//evil.example" can end up on another host.
/// Rather than list the tricks, this allows only printable ASCII and refuses anything that could form "//".
/// </summary>
public static class ReturnUrls
{
    public static bool IsSafe(string? url) =>
        url is { Length: > 0 and <= 2000 }
        && url[0] == '/'
        && url.All(c => c is > ' ' and < '\u007f' && c != '\\')
        && !url.Contains("//", StringComparison.Ordinal)
        && !url.Split('?', 2)[0].Split('/').Any(segment => segment is "." or ".." || segment.Contains('%'));
}
