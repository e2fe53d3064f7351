using System.Globalization;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.Policies;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests.Policies;

/// <summary>
/// Marks are written as a teacher reads them: «5 4/3 з нз .», a weight after «@» («2@2» is a 2 for a work of
/// weight 2; «4@2,5» weight 2.5) and «!» for a control work («3!», «4@2!»).
/// </summary>
public class GradingTests
{
    private static readonly GradingSettings Default = GradingSettings.Default;

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static List<WeightedMark> Marks(string marks) =>
        [.. marks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token =>
        {
            bool control = token.EndsWith('!');
            string[] parts = token.TrimEnd('!').Split('@');
            decimal weight = parts.Length > 1 ? D(parts[1].Replace(',', '.')) : 1m;
            return new WeightedMark(MarkValue.FromCode(parts[0]), weight, control);
        })];

    // ---------- GRD-2: thresholds ----------

    [Theory]
    [InlineData("5.00", 5)]
    [InlineData("4.50", 5)]
    [InlineData("4.49", 4)]
    [InlineData("4.4999999999", 4)]
    [InlineData("3.50", 4)]
    [InlineData("3.49", 3)]
    [InlineData("2.50", 3)]
    [InlineData("2.49", 2)]
    [InlineData("2.00", 2)]
    [InlineData("1.20", 2)]
    public void GRD2_average_from_4_50_gives_5_from_3_50_gives_4_from_2_50_gives_3_below_gives_2(string average, int mark) =>
        Default.Round(D(average)).ShouldBe(mark);

    [Theory]
    [InlineData("4.69", 4)]
    [InlineData("4.70", 5)]
    [InlineData("4.50", 4)]
    public void GRD2_a_school_may_set_its_own_threshold_for_5(string average, int mark) =>
        (Default with { ThresholdFive = 4.70m }).Round(D(average)).ShouldBe(mark);

    // ---------- GRD-1: the weighted mean ----------

    [Theory]
    [InlineData("5 4 4", "4.33", 4)]
    [InlineData("5 5 4", "4.66", 5)] // 4.666…: cut, not rounded, for display
    [InlineData("5 4", "4.50", 5)]
    [InlineData("4 3", "3.50", 4)]
    [InlineData("5@2 2", "4.00", 4)] // a 5 for a work of weight 2 and a 2 of weight 1: 12 / 3
    [InlineData("2@2 5", "3.00", 3)] // the same marks, weights the other way: 9 / 3
    [InlineData("4@2,5 5", "4.28", 4)] // 15 / 3.5 = 4.2857…
    [InlineData("3@3 5 5 5", "4.00", 4)]
    [InlineData("2 5@0,5", "3.00", 3)]
    public void GRD1_each_mark_counts_with_the_weight_of_its_work(string marks, string average, int mark)
    {
        PeriodMarkProposal proposal = Grading.Propose(Marks(marks), PeriodKind.Quarter, Default);

        proposal.Average.ShouldBe(D(average));
        proposal.AverageMark.ShouldBe(mark);
    }

    [Fact]
    public void GRD1_the_average_is_exact_decimal_and_the_display_never_crosses_a_threshold()
    {
        // 80.99 / 18 = 4.49944…: rounded to two decimals it would read 4.50 beside a «4».
        PeriodMarkProposal proposal = Grading.Propose(Marks("5@8,99 4@9,01"), PeriodKind.Quarter, Default);

        proposal.ExactAverage.ShouldBe(80.99m / 18m);
        proposal.Average.ShouldBe(4.49m);
        proposal.AverageMark.ShouldBe(4);
    }

    [Theory]
    [InlineData("5/4", 2, "4.50")]
    [InlineData("5/4 3", 3, "4.00")]
    [InlineData("5/4@2 3", 3, "4.20")] // (10 + 8 + 3) / 5: both halves carry the work's weight
    [InlineData("3/2 5/5", 4, "3.75")]
    public void GRD1_a_double_mark_counts_as_two_marks(string marks, int count, string average)
    {
        PeriodMarkProposal proposal = Grading.Propose(Marks(marks), PeriodKind.Quarter, Default);

        proposal.Count.ShouldBe(count);
        proposal.Average.ShouldBe(D(average));
    }

    [Theory]
    [InlineData("5 4 з", 2, "4.50")]
    [InlineData("5 4 нз нз нз", 2, "4.50")]
    [InlineData(". 5 . 4", 2, "4.50")]
    [InlineData("з нз .", 0, null)]
    public void GRD1_pass_fail_and_dots_do_not_enter_the_mean(string marks, int count, string? average)
    {
        PeriodMarkProposal proposal = Grading.Propose(Marks(marks), PeriodKind.Quarter, Default);

        proposal.Count.ShouldBe(count);
        proposal.Average.ShouldBe(average is null ? null : D(average));
        Grading.Average(Marks(marks)).ShouldBe(average is null ? null : D(average));
    }

    [Fact]
    public void GRD1_a_work_weighs_more_than_nothing() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Grading.Propose(Marks("5@0"), PeriodKind.Quarter, Default));

    // ---------- GRD-3: enough marks, control works ----------

    [Theory]
    [InlineData(PeriodKind.Quarter, "5 5", "Мало отметок: 2 из 3 нужных")]
    [InlineData(PeriodKind.Quarter, "5 5 5", null)]
    [InlineData(PeriodKind.Trimester, "4 4", "Мало отметок: 2 из 3 нужных")]
    [InlineData(PeriodKind.Trimester, "4 4 4", null)]
    [InlineData(PeriodKind.HalfYear, "5 5 5 5 5", "Мало отметок: 5 из 6 нужных")]
    [InlineData(PeriodKind.HalfYear, "5 5 5 5 5 5", null)]
    [InlineData(PeriodKind.Quarter, "5/4 3", null)] // a double mark is two marks here too
    [InlineData(PeriodKind.Quarter, "5 5 з .", "Мало отметок: 2 из 3 нужных")]
    [InlineData(PeriodKind.Quarter, "", "Мало отметок: 0 из 3 нужных")]
    public void GRD3_at_least_3_marks_in_a_quarter_or_trimester_and_6_in_a_half_year(PeriodKind kind, string marks, string? reason)
    {
        PeriodMarkProposal proposal = Grading.Propose(Marks(marks), kind, Default);

        proposal.IsNotAttested.ShouldBe(reason is not null);
        proposal.Reason.ShouldBe(reason);
        if (reason is null)
        {
            proposal.Mark.ShouldBe(proposal.AverageMark);
        }
        else
        {
            proposal.Mark.ShouldBeNull();
        }
    }

    [Fact]
    public void GRD3_with_too_few_marks_the_forecast_still_shows_the_average_and_its_mark()
    {
        PeriodMarkProposal proposal = Grading.Propose(Marks("5 4"), PeriodKind.Quarter, Default);

        proposal.ShouldBe(new PeriodMarkProposal(4.5m, 4.50m, 2, 5, null, true, "Мало отметок: 2 из 3 нужных"));
    }

    [Fact]
    public void GRD3_the_minimum_is_a_school_setting()
    {
        GradingSettings fourInAQuarter = Default with { MinimumMarksQuarter = 4 };

        Grading.Propose(Marks("5 5 5"), PeriodKind.Quarter, fourInAQuarter).Reason.ShouldBe("Мало отметок: 3 из 4 нужных");
        Grading.Propose(Marks("5 5 5"), PeriodKind.Trimester, fourInAQuarter).IsNotAttested.ShouldBeFalse();
    }

    [Theory]
    [InlineData("5 5 5", true, "Нет контрольной работы")]
    [InlineData("5 5 5", false, null)]
    [InlineData("5 5 5 .!", true, "Нет контрольной работы")] // a dot under the control work: the work is still owed
    [InlineData("5 5 3!", true, null)]
    [InlineData("5 5/4@2!", true, null)]
    [InlineData("5!", true, "Мало отметок: 1 из 3 нужных")]
    [InlineData("5", true, "Мало отметок: 1 из 3 нужных; Нет контрольной работы")]
    public void GRD3_where_the_subject_requires_a_control_work_none_gives_na(string marks, bool required, string? reason)
    {
        PeriodMarkProposal proposal = Grading.Propose(Marks(marks), PeriodKind.Quarter, Default, controlWorkRequired: required);

        proposal.Reason.ShouldBe(reason);
        proposal.IsNotAttested.ShouldBe(reason is not null);
    }

    // ---------- GRD-5: forecast ----------

    [Theory]
    [InlineData("4 4 4", 5, 3)] // (12 + 15) / 6 = 4.50
    [InlineData("4 4 4", 4, null)] // «4»s never make «5»
    [InlineData("3 3", 5, 1)] // 11 / 3 = 3.67
    [InlineData("3 3", 4, 2)] // 14 / 4 = 3.50
    [InlineData("3 3", 3, null)]
    [InlineData("2 2 2", 5, 1)]
    [InlineData("2 2 2", 4, 1)] // 10 / 4 = 2.50
    [InlineData("2@2", 5, 1)] // 9 / 3 = 3.00
    [InlineData("2 2 2 2 2 2 2 2 2 3/2", 5, 2)] // 23 / 11 = 2.09; (23 + 10) / 13 = 2.54
    [InlineData("4 5 4 з .", 5, 1)]
    [InlineData("5 5", 5, null)] // already «5»
    [InlineData("з .", 5, null)] // no numeric mark yet
    public void GRD5_how_many_marks_in_a_row_lift_the_mark_to_the_next(string marks, int added, int? needed)
    {
        List<WeightedMark> current = Marks(marks);

        int? count = Grading.MarksToRaise(current, added, Default);

        count.ShouldBe(needed);
        if (needed is { } n)
        {
            int before = Grading.Propose(current, PeriodKind.Quarter, Default).AverageMark!.Value;
            AverageMarkAfter(current, added, n).ShouldBe(before + 1);
            AverageMarkAfter(current, added, n - 1).ShouldBe(before);
        }
    }

    [Fact]
    public void GRD5_the_forecast_follows_the_schools_threshold()
    {
        GradingSettings strict = Default with { ThresholdFive = 4.70m };

        Grading.MarksToRaise(Marks("4 4 4"), 5, strict).ShouldBe(7); // (12 + 35) / 10 = 4.70
        Grading.MarksToRaise(Marks("4 4 4"), 5, strict with { ThresholdFive = 5.00m }).ShouldBeNull();
    }

    private static int AverageMarkAfter(List<WeightedMark> marks, int added, int count) =>
        Grading.Propose(
            [.. marks, .. Enumerable.Repeat(new WeightedMark(MarkValue.Grade(added), 1m), count)],
            PeriodKind.Quarter,
            Default).AverageMark!.Value;

    // ---------- GRD-4: the year mark ----------

    [Theory]
    [InlineData(new[] { 5, 4, 4, 5 }, "4.50", 5)]
    [InlineData(new[] { 4, 4, 3, 3 }, "3.50", 4)]
    [InlineData(new[] { 3, 3, 4, 3 }, "3.25", 3)]
    [InlineData(new[] { 5, 4, 4 }, "4.33", 4)]
    [InlineData(new[] { 5, 4 }, "4.50", 5)]
    [InlineData(new[] { 2, 3, 2, 3 }, "2.50", 3)]
    public void GRD4_the_year_mark_is_the_mean_of_the_period_marks_by_the_same_thresholds(int[] periods, string average, int mark)
    {
        PeriodMarkProposal proposal = Grading.ProposeYear([.. periods.Select(p => (int?)p)], Default);

        proposal.Average.ShouldBe(D(average));
        proposal.Mark.ShouldBe(mark);
        proposal.Count.ShouldBe(periods.Length);
    }

    [Fact]
    public void GRD4_a_period_na_is_left_out_of_the_year_mean()
    {
        PeriodMarkProposal proposal = Grading.ProposeYear([5, null, 4, 4], Default);

        proposal.Average.ShouldBe(4.33m);
        proposal.Mark.ShouldBe(4);
        proposal.Count.ShouldBe(3);
        proposal.IsNotAttested.ShouldBeFalse();
    }

    [Fact]
    public void GRD4_no_period_mark_at_all_gives_na_for_the_year() =>
        Grading.ProposeYear([null, null], Default)
            .ShouldBe(new PeriodMarkProposal(null, null, 0, null, null, true, "Нет отметок за периоды"));

    [Fact]
    public void GRD4_the_year_mark_follows_the_schools_threshold() =>
        Grading.ProposeYear([5, 4, 5, 4], Default with { ThresholdFive = 4.70m }).Mark.ShouldBe(4);

    // ---------- DL-3: when a period mark is set ----------

    private static readonly DateOnly PeriodEnd = new(2026, 12, 27);

    [Theory]
    [InlineData("2026-12-01", false, false)]
    [InlineData("2026-12-20", false, false)]
    [InlineData("2026-12-21", true, false)] // the last week: 21.12–27.12
    [InlineData("2026-12-25", true, false)] // due two days before the end
    [InlineData("2026-12-26", true, true)] // later is late (DL-4), not refused
    [InlineData("2026-12-27", true, true)]
    [InlineData("2026-12-28", true, true)] // after the end: late, still open until the lock
    [InlineData("2027-01-10", true, true)] // LCK-1: the 14th day after the end
    [InlineData("2027-01-11", false, true)] // locked: only through a correction request
    public void DL3_LCK1_a_period_mark_is_set_from_the_last_week_until_14_days_after_the_end(string date, bool allowed, bool late)
    {
        DateOnly day = DateOnly.Parse(date, CultureInfo.InvariantCulture);

        PeriodMarkDeadline.CanSet(PeriodEnd, day, Default).Allowed.ShouldBe(allowed);
        PeriodMarkDeadline.IsLate(PeriodEnd, day, Default).ShouldBe(late);
    }

    [Fact]
    public void DL3_the_refusals_say_when_the_mark_can_be_set()
    {
        PeriodMarkDeadline.CanSet(PeriodEnd, new DateOnly(2026, 12, 20), Default).Reason
            .ShouldBe("Отметку за период ставят в последнюю неделю периода: с 21.12.2026 по 27.12.2026.");
        PeriodMarkDeadline.CanSet(PeriodEnd, new DateOnly(2027, 1, 11), Default).Reason
            .ShouldBe("Период закончился 27.12.2026: прошло больше 14 дн., отметки за период закрыты для изменений. " +
                      "Исправление — через заявку заместителю директора.");
        PeriodMarkDeadline.CanSet(PeriodEnd, PeriodEnd, Default).ShouldBe(EditDecision.Allow);
    }

    [Theory]
    [InlineData(10, "2026-12-18", true)]
    [InlineData(10, "2026-12-17", false)]
    [InlineData(3, "2026-12-24", false)]
    [InlineData(3, "2026-12-25", true)]
    public void DL3_the_window_is_a_school_setting(int days, string date, bool allowed) =>
        PeriodMarkDeadline.CanSet(PeriodEnd, DateOnly.Parse(date, CultureInfo.InvariantCulture), Default with { PeriodMarkWindowDays = days })
            .Allowed.ShouldBe(allowed);

    [Theory]
    [InlineData(14, "2027-01-10", true)]
    [InlineData(3, "2026-12-30", true)]
    [InlineData(3, "2026-12-31", false)]
    public void LCK1_the_lock_after_the_period_is_a_school_setting(int days, string date, bool allowed) =>
        PeriodMarkDeadline.CanSet(PeriodEnd, DateOnly.Parse(date, CultureInfo.InvariantCulture), Default with { LockDaysAfterPeriod = days })
            .Allowed.ShouldBe(allowed);

    [Fact]
    public void DL3_the_due_day_is_a_school_setting() =>
        PeriodMarkDeadline.DueDay(PeriodEnd, Default with { PeriodMarkDueDaysBeforeEnd = 0 }).ShouldBe(PeriodEnd);
}
