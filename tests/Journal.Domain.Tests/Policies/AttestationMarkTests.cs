using Journal.Domain.Attestation;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests.Policies;

/// <summary>GRD-4, JRN-3: what a period, year, exam or final mark may be, as chosen or typed.</summary>
public class AttestationMarkTests
{
    [Theory]
    [InlineData(false, false, new[] { "5", "4", "3", "2", "н/а", "осв" })]
    [InlineData(false, true, new[] { "5", "4", "3", "2", "1", "н/а", "осв" })]
    [InlineData(true, false, new[] { "зач", "незач", "н/а", "осв" })]
    [InlineData(true, true, new[] { "зач", "незач", "н/а", "осв" })]
    public void The_choices_are_the_scale_best_first_or_pass_fail_then_not_attested_and_exempt(bool passFail, bool allowOne, string[] choices) =>
        AttestationMark.Choices(passFail, allowOne).ShouldBe(choices);

    [Theory]
    [InlineData("5", false, false, "5")]
    [InlineData("4", false, false, "4")]
    [InlineData(" 3 ", false, false, "3")]
    [InlineData("2", false, false, "2")]
    [InlineData("1", false, true, "1")]
    [InlineData("н/а", false, false, "н/а")]
    [InlineData("Н/А", false, false, "н/а")]
    [InlineData("на", false, false, "н/а")]
    [InlineData("н / а", false, false, "н/а")]
    [InlineData("н\\а", false, false, "н/а")]
    [InlineData("H/A", false, false, "н/а")] // Latin look-alikes on an English layout
    [InlineData("n/a", false, false, "н/а")] // «n/a» in Latin letters
    [InlineData("N/A", false, false, "н/а")]
    [InlineData("h/a", true, false, "н/а")]
    [InlineData("осв", false, false, "осв")]
    [InlineData("Освобождён", false, false, "осв")]
    [InlineData("осв", true, false, "осв")]
    [InlineData("зач", true, false, "зач")]
    [InlineData("Зачёт", true, false, "зач")]
    [InlineData("зачет", true, false, "зач")]
    [InlineData("з", true, false, "зач")]
    [InlineData("незач", true, false, "незач")]
    [InlineData("незачёт", true, false, "незач")]
    [InlineData("нз", true, false, "незач")]
    public void A_mark_of_the_subjects_scale_is_read_as_its_code(string input, bool passFail, bool allowOne, string code)
    {
        AttestationMark.TryParse(input, passFail, allowOne, out var read, out var error).ShouldBeTrue();

        read.ShouldBe(code);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("6", false, false, "«6» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    [InlineData(" 0 ", false, false, "«0» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    [InlineData("1", false, false, "«1» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    [InlineData("6", false, true, "«6» — не отметка за период. Можно: «5», «4», «3», «2», «1», «н/а», «осв».")]
    [InlineData("5/4", false, false, "«5/4» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    [InlineData("зач", false, false, "«зач» — не отметка за период. Можно: «5», «4», «3», «2», «н/а», «осв».")]
    [InlineData("5", true, false, "Предмет оценивается «зачёт/незачёт»: отметка «5» не подходит. Можно: «зач», «незач», «н/а», «осв».")]
    [InlineData("2", true, true, "Предмет оценивается «зачёт/незачёт»: отметка «2» не подходит. Можно: «зач», «незач», «н/а», «осв».")]
    [InlineData("отл", true, false, "«отл» — не отметка за период. Можно: «зач», «незач», «н/а», «осв».")]
    public void Anything_else_is_refused_with_a_russian_message_listing_what_is_allowed(string input, bool passFail, bool allowOne, string message)
    {
        AttestationMark.TryParse(input, passFail, allowOne, out var code, out var error).ShouldBeFalse();

        code.ShouldBeEmpty();
        error.ShouldBe(message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_entry_is_no_mark(string? input)
    {
        AttestationMark.TryParse(input, false, false, out var code, out var error).ShouldBeFalse();

        code.ShouldBeEmpty();
        error.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("4", 4)]
    [InlineData("3", 3)]
    [InlineData("2", 2)]
    [InlineData("1", 1)]
    [InlineData("н/а", null)]
    [InlineData("зач", null)]
    [InlineData("незач", null)]
    [InlineData("осв", null)]
    [InlineData("6", null)]
    [InlineData("0", null)]
    [InlineData("45", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_a_mark_of_the_scale_stands_for_a_number(string? code, int? number) =>
        AttestationMark.Number(code).ShouldBe(number);
}
