using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MentorDashboard.Features.People;

/// <summary>
/// The secret in an invitation link: 32 random bytes, base64url. Only its SHA-256 is stored, so a copy of the
/// database lets nobody accept an invitation.
/// </summary>
public static class InvitationTokens
{
    private const int TokenBytes = 32;

    /// <summary>The length of a token as text: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>The lower-case hex SHA-256 of the token, as stored in <see cref="Invitation.TokenHash"/>.</summary>
    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>True for text that could be a token; anything else is not worth a database query.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
