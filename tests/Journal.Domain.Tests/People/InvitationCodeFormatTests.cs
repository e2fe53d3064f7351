using Journal.Domain.People;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests.People;

/// <summary>AUTH-2: what counts as an invitation code, and what new ones look like.</summary>
public class InvitationCodeFormatTests
{
    [Theory]
    [InlineData("demo-K7M3-Q9XT", "DEMO-K7M3-Q9XT")]
    [InlineData("  demo2-k7m3-q9xt ", "DEMO2-K7M3-Q9XT")]
    [InlineData("demo - K7M3 - Q9XT", "DEMO-K7M3-Q9XT")]
    [InlineData("school-57-ABCD-EFGH", "SCHOOL-57-ABCD-EFGH")]
    public void Typed_codes_are_stored_upper_case_without_spaces(string typed, string stored) =>
        InvitationCodeFormat.Normalize(typed).ShouldBe(stored);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7M3-Q9XT")]
    [InlineData("-K7M3-Q9XT")]
    [InlineData("demo-K7M3-Q9X")]
    [InlineData("demo-K7M3-Q9XTT")]
    [InlineData("demo-K0M3-Q9XT")]
    [InlineData("demo-K1M3-Q9XT")]
    [InlineData("demo-KOM3-Q9XT")]
    [InlineData("demo-KIM3-Q9XT")]
    [InlineData("demo-KLM3-Q9XT")]
    [InlineData("demo-КМ3Х-Q9XT")]
    public void Anything_else_is_no_code(string? typed) =>
        InvitationCodeFormat.Normalize(typed).ShouldBeNull();

    [Fact]
    public void New_codes_carry_the_slug_and_eight_characters_of_the_alphabet_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => InvitationCodeFormat.New("demo2")).ToList();

        codes.ShouldAllBe(c => c.StartsWith("DEMO2-") && c.Length == 15 && InvitationCodeFormat.Normalize(c) == c);
        codes.Distinct().Count().ShouldBe(1000);
        InvitationCodeFormat.SlugOf(codes[0]).ShouldBe("demo2");
        InvitationCodeFormat.Display(codes[0]).ShouldStartWith("demo2-");
        InvitationCodeFormat.Alphabet.ShouldNotContain('0');
        InvitationCodeFormat.Alphabet.ShouldNotContain('O');
        InvitationCodeFormat.Alphabet.ShouldNotContain('1');
        InvitationCodeFormat.Alphabet.ShouldNotContain('I');
        InvitationCodeFormat.Alphabet.ShouldNotContain('L');
    }
}
