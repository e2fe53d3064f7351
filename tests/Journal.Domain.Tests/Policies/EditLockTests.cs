using Journal.Domain.Policies;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests.Policies;

public class EditLockTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(0, true)]
    [InlineData(13, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    [InlineData(200, false)]
    public void LCK1_a_lesson_locks_after_the_schools_number_of_days(int daysAgo, bool allowed)
    {
        var decision = EditLock.CanEdit(Today.AddDays(-daysAgo), Today, lockDays: 14);

        decision.Allowed.ShouldBe(allowed);
        if (!allowed)
        {
            decision.Reason.ShouldBe(
                $"Урок {Today.AddDays(-daysAgo):dd.MM.yyyy}: прошло больше 14 дн., журнал закрыт для изменений. " +
                "Исправление — через заявку заместителю директора.");
        }
    }

    [Theory]
    [InlineData(7, 7, true)]
    [InlineData(8, 7, false)]
    [InlineData(20, 30, true)]
    public void LCK1_the_number_of_days_is_a_school_setting(int daysAgo, int lockDays, bool allowed) =>
        EditLock.CanEdit(Today.AddDays(-daysAgo), Today, lockDays).Allowed.ShouldBe(allowed);

    [Fact]
    public void LCK1_a_future_lesson_takes_no_entry_even_by_correction()
    {
        EditLock.CanEdit(Today.AddDays(1), Today, 14).Reason
            .ShouldBe("Урок 24.11.2026 ещё не прошёл: отметки и пропуски за будущие уроки не ставятся.");
        EditLock.CanCorrect(Today.AddDays(1), Today).Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(15)]
    [InlineData(300)]
    [InlineData(0)]
    public void LCK2_a_correction_may_change_a_past_locked_lesson(int daysAgo) =>
        EditLock.CanCorrect(Today.AddDays(-daysAgo), Today).Allowed.ShouldBeTrue();

    [Theory]
    [InlineData("2026-11-23T19:59:59", false)]
    [InlineData("2026-11-23T20:00:00", false)]
    [InlineData("2026-11-23T20:00:01", true)]
    [InlineData("2026-11-24T08:00:00", true)]
    [InlineData("2026-11-22T10:00:00", false)]
    public void DL1_an_entry_after_20_00_of_the_lesson_day_is_late(string enteredAt, bool late) =>
        EntryDeadline.IsLate(Today, DateTime.Parse(enteredAt, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(20, 0))
            .ShouldBe(late);

    [Theory]
    [InlineData("2026-11-23", 0, "2026-11-23")] // Monday, same day (DL-1)
    [InlineData("2026-11-23", 3, "2026-11-26")] // control work: Thursday
    [InlineData("2026-11-26", 3, "2026-12-01")] // Thursday + 3 working days skips the weekend
    [InlineData("2026-11-28", 5, "2026-12-04")] // a Saturday lesson: the next five weekdays
    [InlineData("2026-11-23", 10, "2026-12-07")] // an essay in Russian: ten working days
    public void DL2_a_works_marks_are_due_a_number_of_working_days_after_the_lesson(string lesson, int days, string due) =>
        EntryDeadline.DueDay(DateOnly.Parse(lesson, System.Globalization.CultureInfo.InvariantCulture), days)
            .ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-11-25T21:00:00", 0, true)]
    [InlineData("2026-11-25T21:00:00", 3, false)]
    [InlineData("2026-11-26T19:00:00", 3, false)]
    [InlineData("2026-11-26T20:30:00", 3, true)]
    public void DL2_a_control_work_mark_two_days_later_is_on_time_an_answer_mark_is_late(string enteredAt, int days, bool late) =>
        EntryDeadline.IsLate(Today, DateTime.Parse(enteredAt, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(20, 0), days)
            .ShouldBe(late);

    [Fact]
    public void DL2_holidays_are_not_working_days()
    {
        // Autumn break 27.10–04.11: a control work on Friday 23.10 gets Monday 26.10, then Thursday and Friday after the break.
        var holidays = (DateOnly d) => d >= new DateOnly(2026, 10, 27) && d <= new DateOnly(2026, 11, 4);

        EntryDeadline.DueDay(new DateOnly(2026, 10, 23), 3, holidays).ShouldBe(new DateOnly(2026, 11, 6));
        EntryDeadline.DueDay(new DateOnly(2026, 10, 23), 3).ShouldBe(new DateOnly(2026, 10, 28));
    }
}
