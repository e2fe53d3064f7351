using System.Globalization;

namespace Journal.Domain.Policies;

/// <summary>Whether a journal cell may be written now, and if not, why (in Russian, for the teacher).</summary>
public sealed record EditDecision(bool Allowed, string? Reason)
{
    public static EditDecision Allow { get; } = new(true, null);

    public static EditDecision Refuse(string reason) => new(false, reason);
}

/// <summary>
/// LCK-1: marks and attendance can't be entered for a lesson in the future, and lock a number of
/// days after the lesson (a school setting, 14 by default; control works lock the same number of
/// days after the work, which is given in the lesson). All dates are the school's local dates.
/// </summary>
public static class EditLock
{
    public static EditDecision CanEdit(DateOnly lessonDate, DateOnly today, int lockDays)
    {
        if (CanCorrect(lessonDate, today) is { Allowed: false } future)
        {
            return future;
        }

        if (today > LastEditableDay(lessonDate, lockDays))
        {
            return EditDecision.Refuse(
                $"Урок {Format(lessonDate)}: прошло больше {lockDays} дн., журнал закрыт для изменений. " +
                "Исправление — через заявку заместителю директора.");
        }

        return EditDecision.Allow;
    }

    /// <summary>
    /// LCK-2: a correction approved by the Deputy may change a locked lesson, but a future lesson still gets
    /// no marks (LCK-1, «ahead of time»).
    /// </summary>
    public static EditDecision CanCorrect(DateOnly lessonDate, DateOnly today) =>
        lessonDate > today
            ? EditDecision.Refuse(
                $"Урок {Format(lessonDate)} ещё не прошёл: отметки и пропуски за будущие уроки не ставятся.")
            : EditDecision.Allow;

    /// <summary>The last local date on which a lesson's entries may still be changed.</summary>
    public static DateOnly LastEditableDay(DateOnly lessonDate, int lockDays) => lessonDate.AddDays(lockDays);

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}

/// <summary>
/// DL-1, DL-4: an entry is due on the lesson's day until the school's deadline (20:00 by default).
/// Later entries are allowed but counted as late in the monitoring.
/// </summary>
public static class EntryDeadline
{
    public static bool IsLate(
        DateOnly lessonDate, DateTime enteredAtLocal, TimeOnly deadline, int workingDays = 0, Func<DateOnly, bool>? isDayOff = null) =>
        enteredAtLocal > DueDay(lessonDate, workingDays, isDayOff).ToDateTime(deadline);

    /// <summary>
    /// DL-2: the day a work's marks are due, counting working days (Monday to Friday, not the school's
    /// holidays) after the lesson; 0 days is the lesson's own day.
    /// </summary>
    public static DateOnly DueDay(DateOnly lessonDate, int workingDays, Func<DateOnly, bool>? isDayOff = null)
    {
        var day = lessonDate;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && isDayOff?.Invoke(day) != true)
            {
                left--;
            }
        }

        return day;
    }
}
