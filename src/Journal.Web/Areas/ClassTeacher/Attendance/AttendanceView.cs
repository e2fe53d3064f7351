using System.Globalization;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Web.Data;
using Journal.Web.Infrastructure;

namespace Journal.Web.Areas.ClassTeacher.Attendance;

/// <summary>The classes a class teacher leads now: classes of a year not yet closed (as the role itself is granted).</summary>
public static class LedClasses
{
    public static IQueryable<SchoolClass> Of(JournalDbContext db, Guid classTeacherId) =>
        db.Classes.Where(c => c.ClassTeacherId == classTeacherId
                              && db.AcademicYears.Any(y => y.Id == c.AcademicYearId && !y.IsClosed));
}

/// <summary>How attendance marks and weeks read on the class teacher's pages.</summary>
public static class AttendanceView
{
    public static readonly AttendanceKind[] Kinds =
        [AttendanceKind.Absent, AttendanceKind.Ill, AttendanceKind.ValidReason, AttendanceKind.Late];

    /// <summary>Reasons a period of absence can be given (lateness is per lesson, never for days).</summary>
    public static readonly AttendanceKind[] Reasons = [AttendanceKind.Ill, AttendanceKind.ValidReason, AttendanceKind.Absent];

    private static readonly string[] WeekdayNames = ["вс", "пн", "вт", "ср", "чт", "пт", "сб"];

    /// <summary>Capital code as printed in the class journal: Н, Б, У, ОП.</summary>
    public static string Upper(AttendanceKind kind) => kind.Code().ToUpperInvariant();

    public static string Meaning(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Absent => "без уважительной причины",
        AttendanceKind.Ill => "болезнь (справка)",
        AttendanceKind.ValidReason => "уважительная причина",
        _ => "опоздание",
    };

    public static string Css(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Absent => "att-n",
        AttendanceKind.Ill => "att-b",
        AttendanceKind.ValidReason => "att-u",
        _ => "att-op",
    };

    public static string Weekday(DateOnly date) => WeekdayNames[(int)date.DayOfWeek];

    public static string Day(DateOnly date) => date.ToString("dd.MM", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The week's parameter in links: the ISO date of its Monday.</summary>
    public static string WeekParameter(DateOnly monday) => monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a date typed or sent by a date input: «2026-12-01» or «01.12.2026».</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out date);

    /// <summary>«1 урок», «3 урока», «5 уроков».</summary>
    public static string Count(int n, string one, string few, string many) => RussianCount.Of(n, one, few, many);
}
