using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace MentorDashboard.Tests.Support;

/// <summary>
/// The codes an authenticator app shows (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits), computed here from
/// the base32 key, so that tests sign in with two factors the way a person does.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly ConcurrentDictionary<string, long> LastStepByAccount = new();

    public static string CodeNow(string base32Key) => CodeAt(base32Key, DateTimeOffset.UtcNow);

    /// <summary>
    /// A code the account (a person's id, unique to one test's database) has not used yet: the app takes each
    /// code once, and takes the codes of the next two steps too, so a test that signs the same person in twice
    /// within 30 seconds gets the next step's code.
    /// </summary>
    public static string UnusedCode(string base32Key, string account)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var step = LastStepByAccount.AddOrUpdate(account, now, (_, last) => Math.Max(now, last + 1));
        return CodeAt(base32Key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
    }

    [SuppressMessage("Security", "CA5350", Justification = "RFC 6238 authenticator apps use HMAC-SHA1.")]
    public static string CodeAt(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var number = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8)
            | hash[offset + 3];
        return (number % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string key)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in key.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
