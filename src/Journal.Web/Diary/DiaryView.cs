using System.Globalization;
using Journal.Domain.Schools;

namespace Journal.Web.Diary;

/// <summary>
/// Where a diary page lives and how it reads: the pupil's pages (<c>/s/{school}/student/diary</c>) and the parent's
/// (<c>/s/{school}/parent/diary?pupil=…</c>) share the views and differ only in these links.
/// </summary>
/// <param name="Base">«/s/demo/student/diary» or «/s/demo/parent/diary».</param>
/// <param name="PupilId">The child on a parent's page; null on the pupil's own.</param>
public sealed record DiaryLinks(string Base, Guid? PupilId)
{
    /// <summary>The diary's current week.</summary>
    public string Home => Query(Base, null);

    public string Week(DateOnly monday) => Query(Base, $"week={DiaryView.Iso(monday)}");

    public string Subject(Guid subjectId, Guid? periodId = null) =>
        Query($"{Base}/subject/{subjectId}", periodId is { } p ? $"period={p}" : null);

    private string Query(string path, string? extra)
    {
        var parts = new[] { PupilId is { } id ? $"pupil={id}" : null, extra }.OfType<string>().ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}

public static class DiaryView
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private static readonly string[] DayNames = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"];

    /// <summary>
    /// Reads <c>?week=yyyy-MM-dd</c> (any day of the week); no value is the week of <paramref name="today"/>.
    /// False for anything else: the page answers 404.
    /// </summary>
    public static bool TryParseWeek(string? week, DateOnly today, out DateOnly monday)
    {
        if (string.IsNullOrEmpty(week))
        {
            monday = SchoolClock.WeekStart(today);
            return true;
        }

        if (DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            monday = SchoolClock.WeekStart(day);
            return true;
        }

        monday = default;
        return false;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>«Понедельник, 23.11.2026».</summary>
    public static string Day(DateOnly date) => $"{DayNames[((int)date.DayOfWeek + 6) % 7]}, {Date(date)}";

    /// <summary>«23.11.2026 – 28.11.2026».</summary>
    public static string Week(DateOnly monday) => $"{Date(monday)} – {Date(monday.AddDays(5))}";

    /// <summary>A work's weight as the seeds write it: «1», «1,5», «2».</summary>
    public static string Weight(decimal weight) => weight.ToString("0.##", Russian);

    /// <summary>The absence code spelled out for the reader: «н» — «отсутствовал(а)».</summary>
    public static string Absence(string code) => code switch
    {
        "н" => "Н — отсутствие без уважительной причины",
        "б" => "Б — болезнь",
        "у" => "У — уважительная причина",
        _ => "ОП — опоздание",
    };

    /// <summary>The Bootstrap colour of a mark's badge.</summary>
    public static string MarkCss(string code) => code switch
    {
        "5" or "з" => "text-bg-success",
        "4" => "text-bg-primary",
        "3" => "text-bg-warning",
        "2" or "1" or "нз" => "text-bg-danger",
        _ when code.Contains('/', StringComparison.Ordinal) => "text-bg-info",
        _ => "text-bg-secondary",
    };

    /// <summary>The code of an absence for the screen, upper case as in the paper diary («Н», «ОП»).</summary>
    public static string AbsenceCode(string code) => code.ToUpper(Russian);

    public static string Lessons(int n) => Infrastructure.RussianCount.Of(n, "урок", "урока", "уроков");

    public static string Marks(int n) => Infrastructure.RussianCount.Of(n, "отметка", "отметки", "отметок");

    /// <summary>«зачёт» and «незачёт» spelled out; other codes as they are.</summary>
    public static string MarkText(string code) => code switch
    {
        "з" => "зачёт",
        "нз" => "незачёт",
        "." => "точка",
        _ => code,
    };
}

/// <summary>What the shared week partial needs: the week and where its links go.</summary>
public sealed record DiaryWeekView(DiaryLinks Links, DiaryWeek.Model Week);

/// <summary>What the shared subject partial needs: the subject's period and where its links go.</summary>
public sealed record DiarySubjectView(DiaryLinks Links, DiarySubject.Model Subject);
