using Journal.Domain.Lessons;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests.Lessons;

public class MarkValueTests
{
    [Theory]
    [InlineData("2", 2)]
    [InlineData("3", 3)]
    [InlineData("4", 4)]
    [InlineData("5", 5)]
    public void Marks_two_to_five_are_accepted_as_grades(string input, int expected)
    {
        MarkValue.TryParse(input, allowOne: false, out var value, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        value.Kind.ShouldBe(MarkKind.Grade);
        value.First.ShouldBe(expected);
        value.Numbers.ShouldBe([expected]);
        value.Code.ShouldBe(input);
    }

    [Fact]
    public void Mark_one_is_refused_with_a_russian_message_when_the_school_does_not_allow_it()
    {
        MarkValue.TryParse("1", allowOne: false, out _, out var error).ShouldBeFalse();

        error.ShouldBeRussianMessage();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("5/1")]
    [InlineData("1/4")]
    public void Mark_one_is_accepted_when_the_school_allows_it(string input)
    {
        MarkValue.TryParse(input, allowOne: true, out var value, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        value.Numbers.ShouldContain(1);
        value.Code.ShouldBe(input);
    }

    [Theory]
    [InlineData("5/1")]
    [InlineData("1/4")]
    public void Mark_one_inside_a_double_mark_is_refused_when_the_school_does_not_allow_it(string input)
    {
        MarkValue.TryParse(input, allowOne: false, out _, out var error).ShouldBeFalse();

        error.ShouldBeRussianMessage();
    }

    [Theory]
    [InlineData("6", false)]
    [InlineData("6", true)]
    [InlineData("0", false)]
    [InlineData("0", true)]
    [InlineData("-3", false)]
    [InlineData("+4", false)]
    [InlineData("10", true)]
    [InlineData("4.5", false)]
    [InlineData("4,5", false)]
    [InlineData("5/6", false)]
    [InlineData("6/5", true)]
    [InlineData("5/0", true)]
    [InlineData("5/4/3", false)]
    [InlineData("5/4/3", true)]
    [InlineData("5/", false)]
    [InlineData("/4", false)]
    [InlineData("//", false)]
    [InlineData("abc", false)]
    [InlineData("пять", false)]
    [InlineData("н", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void Not_a_mark_is_refused_with_a_russian_message(string? input, bool allowOne)
    {
        MarkValue.TryParse(input, allowOne, out var value, out var error).ShouldBeFalse();

        error.ShouldBeRussianMessage();
        value.ShouldBe(default);
    }

    [Fact]
    public void Mark_six_is_refused_with_a_russian_message_naming_the_scale()
    {
        MarkValue.TryParse("6", allowOne: false, out _, out var error).ShouldBeFalse();

        error.ShouldBe("Отметка 6 вне шкалы: допустимы 2–5.");
    }

    [Theory]
    [InlineData("5/4", 5, 4)]
    [InlineData("4/5", 4, 5)]
    [InlineData("3/3", 3, 3)]
    [InlineData("2/5", 2, 5)]
    public void Double_mark_is_read_as_two_numbers_in_order(string input, int first, int second)
    {
        MarkValue.TryParse(input, allowOne: false, out var value, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        value.Kind.ShouldBe(MarkKind.DoubleMark);
        value.Numbers.ShouldBe([first, second]);
        value.Code.ShouldBe(input);
    }

    [Theory]
    [InlineData("з", MarkKind.Pass)]
    [InlineData("зач", MarkKind.Pass)]
    [InlineData("зачет", MarkKind.Pass)]
    [InlineData("зачёт", MarkKind.Pass)]
    [InlineData("Зачёт", MarkKind.Pass)]
    [InlineData("нз", MarkKind.Fail)]
    [InlineData("незач", MarkKind.Fail)]
    [InlineData("незачет", MarkKind.Fail)]
    [InlineData("незачёт", MarkKind.Fail)]
    [InlineData("НЗ", MarkKind.Fail)]
    [InlineData("Hз", MarkKind.Fail)]
    [InlineData(".", MarkKind.Dot)]
    [InlineData("т", MarkKind.Dot)]
    public void Pass_fail_and_dot_are_read_as_their_kinds(string input, MarkKind expected)
    {
        MarkValue.TryParse(input, allowOne: false, out var value, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        value.Kind.ShouldBe(expected);
    }

    [Theory]
    [InlineData(MarkKind.Pass, "з")]
    [InlineData(MarkKind.Fail, "нз")]
    [InlineData(MarkKind.Dot, ".")]
    public void Pass_fail_and_dot_add_no_numbers_to_the_average_and_have_short_codes(MarkKind kind, string code)
    {
        var value = kind switch
        {
            MarkKind.Pass => MarkValue.Pass,
            MarkKind.Fail => MarkValue.Fail,
            _ => MarkValue.Dot,
        };

        value.Kind.ShouldBe(kind);
        value.Numbers.ShouldBeEmpty();
        value.Code.ShouldBe(code);
        value.ToString().ShouldBe(code);
    }

    [Theory]
    [InlineData(" 5 ", MarkKind.Grade, "5")]
    [InlineData("\t4\n", MarkKind.Grade, "4")]
    [InlineData(" 5/4 ", MarkKind.DoubleMark, "5/4")]
    [InlineData("НЗ", MarkKind.Fail, "нз")]
    [InlineData(" Нз ", MarkKind.Fail, "нз")]
    [InlineData("З", MarkKind.Pass, "з")]
    [InlineData("ЗАЧ", MarkKind.Pass, "з")]
    [InlineData(" . ", MarkKind.Dot, ".")]
    [InlineData("Т", MarkKind.Dot, ".")]
    public void Whitespace_and_upper_case_are_tolerated(string input, MarkKind kind, string code)
    {
        MarkValue.TryParse(input, allowOne: false, out var value, out _).ShouldBeTrue();

        value.Kind.ShouldBe(kind);
        value.Code.ShouldBe(code);
    }

    public static TheoryData<MarkValue> EveryKindOfMark =>
    [
        MarkValue.Grade(1),
        MarkValue.Grade(2),
        MarkValue.Grade(3),
        MarkValue.Grade(4),
        MarkValue.Grade(5),
        MarkValue.DoubleMark(5, 4),
        MarkValue.DoubleMark(2, 5),
        MarkValue.DoubleMark(1, 3),
        MarkValue.Pass,
        MarkValue.Fail,
        MarkValue.Dot,
    ];

    [Theory]
    [MemberData(nameof(EveryKindOfMark))]
    public void Code_round_trips_through_FromCode_for_every_kind(MarkValue mark)
    {
        var read = MarkValue.FromCode(mark.Code);

        read.ShouldBe(mark);
        read.Code.ShouldBe(mark.Code);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("5/4/3")]
    [InlineData("")]
    [InlineData("x")]
    public void FromCode_throws_on_a_corrupt_code_with_the_russian_message(string code)
    {
        var exception = Should.Throw<FormatException>(() => MarkValue.FromCode(code));

        exception.Message.ShouldBeRussianMessage();
    }
}
