using System.Reflection;
using MentorDashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace MentorDashboard.Features.Accounts;

/// <summary>
/// Refuses passwords that are the first guesses of anyone attacking an account: well-known common passwords (from
/// the list we ship in <c>CommonPasswords.txt</c>, also with digits and symbols added at the end, as in
/// "Sunshine2024!") and passwords that contain the person's e-mail name or display name.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<Person>
{
    public const string ResourceName = "MentorDashboard.CommonPasswords.txt";

    // Names shorter than this are parts of too many ordinary words to refuse.
    private const int ShortestNamePart = 4;

    private static readonly Lazy<HashSet<string>> Common = new(LoadList);

    private static readonly char[] TrailingExtras = "0123456789!?.,;:-_#*@$%&+= ".ToCharArray();

    public static IReadOnlySet<string> CommonPasswords => Common.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<Person> manager, Person user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        if (IsCommon(lower))
        {
            return Failed("CommonPassword", localizer[
                "This password is one of the most common ones and easy to guess. Choose a longer, unusual one."]);
        }

        if (NamePartsOf(user).Any(part => lower.Contains(part, StringComparison.Ordinal)))
        {
            return Failed("PasswordContainsName", localizer[
                "The password must not contain your name or the name part of your e-mail address."]);
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsCommon(string lower) =>
        Common.Value.Contains(lower) || Common.Value.Contains(lower.TrimEnd(TrailingExtras));

    private static IEnumerable<string> NamePartsOf(Person user)
    {
        if (user.Email?.Split('@')[0].ToLowerInvariant() is { Length: >= 3 } local)
        {
            yield return local;
        }

        var name = user.DisplayName.ToLowerInvariant();
        if (name.Replace(" ", "", StringComparison.Ordinal) is { Length: >= ShortestNamePart } whole)
        {
            yield return whole;
        }

        foreach (var part in name.Split([' ', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length >= ShortestNamePart)
            {
                yield return part;
            }
        }
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> LoadList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var list = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry && !entry.StartsWith('#'))
            {
                list.Add(entry.ToLowerInvariant());
            }
        }

        return list;
    }
}
