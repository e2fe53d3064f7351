using System.Security.Cryptography;

namespace Journal.Domain.People;

/// <summary>
/// AUTH-2: how an invitation code looks. «demo-K7M3-Q9XT»: the school's slug, then two groups of four characters
/// drawn by a cryptographic generator from an alphabet without look-alikes (no 0/O, 1/I/L), so a code read off
/// paper is typed right. Stored and compared upper-case; the slug says which school to look in.
/// </summary>
public static class InvitationCodeFormat
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private const int GroupLength = 4;

    /// <summary>A new code of the school, in stored (upper-case) form.</summary>
    public static string New(string slug)
    {
        var random = RandomNumberGenerator.GetItems<char>(Alphabet, 2 * GroupLength);
        return Normalize($"{slug}-{new string(random, 0, GroupLength)}-{new string(random, GroupLength, GroupLength)}")!;
    }

    /// <summary>
    /// The stored form of what a person typed (spaces dropped, upper-case), or null when it can't be a code at all:
    /// a caller answers that exactly as it answers an unknown code.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var code = string.Concat(typed.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var parts = code.Split('-');
        if (code.Length > 64 || parts.Length < 3
            || parts[^1].Length != GroupLength || parts[^2].Length != GroupLength
            || !parts[^1].All(Alphabet.Contains) || !parts[^2].All(Alphabet.Contains)
            || parts[..^2].Any(p => p.Length == 0))
        {
            return null;
        }

        return code;
    }

    /// <summary>The school slug a stored code starts with (lower-case, as slugs are).</summary>
    public static string SlugOf(string normalized) =>
        normalized[..normalized.LastIndexOf('-', normalized.LastIndexOf('-') - 1)].ToLowerInvariant();

    /// <summary>The code as printed: «demo-K7M3-Q9XT».</summary>
    public static string Display(string normalized) =>
        SlugOf(normalized) + normalized[normalized.LastIndexOf('-', normalized.LastIndexOf('-') - 1)..];
}
