using System.Globalization;
using Shouldly;

namespace Journal.Domain.Tests;

/// <summary>Small readers for table data: attributes can't hold DateOnly, so rows carry ISO strings.</summary>
internal static class TestValues
{
    public static DateOnly Date(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>SEC-3: every refusal speaks Russian, so the message must hold Cyrillic letters.</summary>
    public static void ShouldBeRussianMessage(this string? message)
    {
        message.ShouldNotBeNullOrWhiteSpace();
        message.ShouldContain(c => c >= '\u0400' && c <= '\u04FF', $"not a Russian message: «{message}»");
    }
}
