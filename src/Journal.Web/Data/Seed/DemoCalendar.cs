using System.Globalization;
using Journal.Domain.Organization;

namespace Journal.Web.Data.Seed;

/// <summary>
/// The academic year that holds "today" with typical Russian dates: quarters or half-years,
/// autumn, winter and spring holidays, extra February holidays for grade 1, public days off.
/// </summary>
internal sealed class DemoCalendar
{
    public DemoCalendar(DateOnly today)
    {
        // July–December: the year that starts this September; January–June: the one that started last September.
        StartYear = today.Month >= 7 ? today.Year : today.Year - 1;
        var y = StartYear;
        var n = y + 1;
        Name = string.Create(CultureInfo.InvariantCulture, $"{y}/{n}");
        Start = new DateOnly(y, 9, 1);
        End = new DateOnly(n, 5, 31);

        Quarters =
        [
            (new DateOnly(y, 9, 1), new DateOnly(y, 10, 25)),
            (new DateOnly(y, 11, 5), new DateOnly(y, 12, 28)),
            (new DateOnly(n, 1, 12), new DateOnly(n, 3, 21)),
            (new DateOnly(n, 4, 1), new DateOnly(n, 5, 26)),
        ];
        HalfYears =
        [
            (new DateOnly(y, 9, 1), new DateOnly(y, 12, 28)),
            (new DateOnly(n, 1, 12), new DateOnly(n, 5, 26)),
        ];
        LastLessonDay = new DateOnly(n, 5, 26);

        // The week of extra holidays for first-graders: the third week of February, Monday to Sunday.
        var february = new DateOnly(n, 2, 15);
        while (february.DayOfWeek != DayOfWeek.Monday)
        {
            february = february.AddDays(1);
        }

        Holidays =
        [
            new("Осенние каникулы", new DateOnly(y, 10, 26), new DateOnly(y, 11, 3), null),
            DayOff("День народного единства", new DateOnly(y, 11, 4)),
            new("Зимние каникулы", new DateOnly(y, 12, 29), new DateOnly(n, 1, 11), null),
            new("Дополнительные каникулы для первоклассников", february, february.AddDays(6), 1),
            DayOff("День защитника Отечества", new DateOnly(n, 2, 23)),
            DayOff("Международный женский день", new DateOnly(n, 3, 8)),
            new("Весенние каникулы", new DateOnly(n, 3, 22), new DateOnly(n, 3, 31), null),
            DayOff("Праздник Весны и Труда", new DateOnly(n, 5, 1)),
            DayOff("День Победы", new DateOnly(n, 5, 9)),
        ];
    }

    public int StartYear { get; }

    public string Name { get; }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public DateOnly LastLessonDay { get; }

    public IReadOnlyList<(DateOnly Start, DateOnly End)> Quarters { get; }

    public IReadOnlyList<(DateOnly Start, DateOnly End)> HalfYears { get; }

    public IReadOnlyList<DemoHoliday> Holidays { get; }

    public IReadOnlyList<(DateOnly Start, DateOnly End)> Periods(PeriodKind kind) =>
        kind == PeriodKind.HalfYear ? HalfYears : Quarters;

    /// <summary>A day with lessons for the grade: Monday to Friday, inside a study period, not a holiday.</summary>
    public bool IsSchoolDay(DateOnly date, int grade, PeriodKind kind) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && Periods(kind).Any(p => date >= p.Start && date <= p.End)
        && !Holidays.Any(h => h.Covers(date, grade));

    /// <summary>A public holiday on a weekend moves to the next Monday (перенос выходного дня).</summary>
    private static DemoHoliday DayOff(string name, DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => new($"{name} (перенос выходного дня)", date.AddDays(2), date.AddDays(2), null),
        DayOfWeek.Sunday => new($"{name} (перенос выходного дня)", date.AddDays(1), date.AddDays(1), null),
        _ => new(name, date, date, null),
    };
}

internal sealed record DemoHoliday(string Name, DateOnly Start, DateOnly End, int? Grade)
{
    public bool Covers(DateOnly date, int grade) => date >= Start && date <= End && (Grade is null || Grade == grade);
}
