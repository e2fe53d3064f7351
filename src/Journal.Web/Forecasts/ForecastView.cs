using System.Globalization;
using Journal.Web.Infrastructure;

namespace Journal.Web.Forecasts;

/// <summary>How a forecast reads on the pupil's, the parent's and the class teacher's pages.</summary>
public static class ForecastView
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The average as the seeds write it, «4,33» (already cut to two decimals by the domain); «—» with none.</summary>
    public static string Average(decimal? average) => average is { } a ? a.ToString("0.00", Russian) : "—";

    /// <summary>«2-я четверть (05.11.2026–28.12.2026)».</summary>
    public static string Period(ClassForecast.Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"{period.Name} ({Date(period.Start)}–{Date(period.End)})";
    }

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>«зачёт: 2, незачёт: 1» for a pass/fail subject; «—» with neither.</summary>
    public static string PassFail(ClassForecast.SubjectForecast subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Passes + subject.Fails == 0
            ? "—"
            : string.Create(CultureInfo.InvariantCulture, $"зачёт: {subject.Passes}, незачёт: {subject.Fails}");
    }

    /// <summary>«ещё 2 «5» подряд → «4»», with «или 5 «4» подряд» when «4»s can lift it too; null when nothing to lift.</summary>
    public static string? ToRaise(ClassForecast.SubjectForecast subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Forecast is not { } now || subject.FivesToRaise is not { } fives)
        {
            return null;
        }

        var next = now + 1;
        return subject.FoursToRaise is { } fours
            ? string.Create(CultureInfo.InvariantCulture, $"ещё {fives} «5» подряд → «{next}» (или {fours} «4» подряд)")
            : string.Create(CultureInfo.InvariantCulture, $"ещё {fives} «5» подряд → «{next}»");
    }

    public static string Pupils(int n) => RussianCount.Of(n, "ученик", "ученика", "учеников");

    public static string Subjects(int n) => RussianCount.Of(n, "предмет", "предмета", "предметов");

    public static string Marks(int n) => RussianCount.Of(n, "отметка", "отметки", "отметок");
}
