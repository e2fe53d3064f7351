using Journal.Domain.Lessons;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests.Lessons;

public class AttendanceCodesTests
{
    [Theory]
    [InlineData("н", AttendanceKind.Absent)]
    [InlineData("Н", AttendanceKind.Absent)]
    [InlineData(" н ", AttendanceKind.Absent)]
    [InlineData("б", AttendanceKind.Ill)]
    [InlineData("Б", AttendanceKind.Ill)]
    [InlineData("у", AttendanceKind.ValidReason)]
    [InlineData("У", AttendanceKind.ValidReason)]
    [InlineData("оп", AttendanceKind.Late)]
    [InlineData("ОП", AttendanceKind.Late)]
    [InlineData("Оп", AttendanceKind.Late)]
    public void Cyrillic_attendance_marks_are_read_in_either_case(string input, AttendanceKind expected)
    {
        AttendanceCodes.TryParse(input, out var kind).ShouldBeTrue();

        kind.ShouldBe(expected);
    }

    [Theory]
    [InlineData("H", AttendanceKind.Absent)]
    [InlineData("h", AttendanceKind.Absent)]
    [InlineData("y", AttendanceKind.ValidReason)]
    [InlineData("Y", AttendanceKind.ValidReason)]
    [InlineData("on", AttendanceKind.Late)]
    [InlineData("ON", AttendanceKind.Late)]
    [InlineData("OП", AttendanceKind.Late)]
    [InlineData("Оn", AttendanceKind.Late)]
    public void Latin_look_alikes_typed_in_the_wrong_layout_are_read_as_cyrillic(string input, AttendanceKind expected)
    {
        AttendanceCodes.TryParse(input, out var kind).ShouldBeTrue();

        kind.ShouldBe(expected);
    }

    [Fact]
    public void Latin_H_is_read_as_absence_N()
    {
        AttendanceCodes.TryParse("H", out var kind).ShouldBeTrue();

        kind.ShouldBe(AttendanceKind.Absent);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("5")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    [InlineData("нн")]
    [InlineData("о")]
    [InlineData("п")]
    [InlineData("н.")]
    [InlineData("опоздал")]
    [InlineData("з")]
    public void Not_an_attendance_mark_is_refused(string? input)
    {
        AttendanceCodes.TryParse(input, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(AttendanceKind.Absent, "н")]
    [InlineData(AttendanceKind.Ill, "б")]
    [InlineData(AttendanceKind.ValidReason, "у")]
    [InlineData(AttendanceKind.Late, "оп")]
    public void Each_attendance_kind_has_its_cyrillic_code_and_reads_back(AttendanceKind kind, string code)
    {
        kind.Code().ShouldBe(code);

        AttendanceCodes.TryParse(code, out var read).ShouldBeTrue();
        read.ShouldBe(kind);
    }

    [Fact]
    public void Every_attendance_kind_has_a_distinct_code()
    {
        var codes = Enum.GetValues<AttendanceKind>().Select(k => k.Code()).ToList();

        codes.ShouldBeUnique();
        codes.Count.ShouldBe(4);
    }
}
