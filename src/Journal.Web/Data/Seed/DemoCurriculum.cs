namespace Journal.Web.Data.Seed;

/// <summary>How a subject's lessons look in the journal: its homework and its control works.</summary>
internal enum SubjectStyle
{
    Russian,
    Literature,
    Mathematics,
    ForeignLanguage,
    Humanities,
    Science,
    Informatics,
    Arts,
    Sport,
    Safety,
    Project,
    Primary,
}

internal sealed record DemoSubject(string Name, string ShortName, SubjectStyle Style, int[] WeeklyHours)
{
    /// <summary>Hours a week in a grade level 1–11 (index 0 unused).</summary>
    public int Weekly(int grade) => WeeklyHours[grade];
}

/// <summary>
/// The curriculum (учебный план) of the demo schools, modelled on the federal basic curricula:
/// weekly hours per subject per grade; a year is 33 weeks in grade 1 and 34 weeks above.
/// </summary>
internal static class DemoCurriculum
{
    public const string Russian = "Русский язык";
    public const string ReadingPrimary = "Литературное чтение";
    public const string Literature = "Литература";
    public const string English = "Английский язык";
    public const string Mathematics = "Математика";
    public const string Algebra = "Алгебра";
    public const string Geometry = "Геометрия";
    public const string Statistics = "Вероятность и статистика";
    public const string Informatics = "Информатика";
    public const string World = "Окружающий мир";
    public const string History = "История";
    public const string Social = "Обществознание";
    public const string Geography = "География";
    public const string Biology = "Биология";
    public const string Physics = "Физика";
    public const string Chemistry = "Химия";
    public const string Culture = "Основы духовно-нравственной культуры народов России";
    public const string Religions = "Основы религиозных культур и светской этики";
    public const string Music = "Музыка";
    public const string Art = "Изобразительное искусство";
    public const string Technology = "Технология";
    public const string Sport = "Физическая культура";
    public const string Safety = "Основы безопасности и защиты Родины";
    public const string Project = "Индивидуальный проект";

    //                                                              grade: 0  1  2  3  4  5  6  7  8  9 10 11
    public static IReadOnlyList<DemoSubject> Subjects { get; } =
    [
        new(Russian, "Рус. яз.", SubjectStyle.Russian, [0, 5, 5, 5, 5, 5, 6, 4, 3, 3, 3, 3]),
        new(ReadingPrimary, "Лит. чтение", SubjectStyle.Primary, [0, 4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0]),
        new(Literature, "Литература", SubjectStyle.Literature, [0, 0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3]),
        new(English, "Англ. яз.", SubjectStyle.ForeignLanguage, [0, 0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3]),
        new(Mathematics, "Математика", SubjectStyle.Mathematics, [0, 4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0]),
        new(Algebra, "Алгебра", SubjectStyle.Mathematics, [0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 4, 4]),
        new(Geometry, "Геометрия", SubjectStyle.Mathematics, [0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 3, 3]),
        new(Statistics, "Вер. и стат.", SubjectStyle.Mathematics, [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]),
        new(Informatics, "Информатика", SubjectStyle.Informatics, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]),
        new(World, "Окр. мир", SubjectStyle.Primary, [0, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0]),
        new(History, "История", SubjectStyle.Humanities, [0, 0, 0, 0, 0, 2, 2, 2, 2, 3, 2, 2]),
        new(Social, "Общество", SubjectStyle.Humanities, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2]),
        new(Geography, "География", SubjectStyle.Humanities, [0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1]),
        new(Biology, "Биология", SubjectStyle.Science, [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2]),
        new(Physics, "Физика", SubjectStyle.Science, [0, 0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 3]),
        new(Chemistry, "Химия", SubjectStyle.Science, [0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2]),
        new(Culture, "ОДНКНР", SubjectStyle.Humanities, [0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]),
        new(Religions, "ОРКСЭ", SubjectStyle.Humanities, [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
        new(Music, "Музыка", SubjectStyle.Arts, [0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]),
        new(Art, "ИЗО", SubjectStyle.Arts, [0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]),
        new(Technology, "Технология", SubjectStyle.Arts, [0, 1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0]),
        new(Sport, "Физ-ра", SubjectStyle.Sport, [0, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2]),
        new(Safety, "ОБЗР", SubjectStyle.Safety, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]),
        new(Project, "Инд. проект", SubjectStyle.Project, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]),
    ];

    public static int WeeksInYear(int grade) => grade == 1 ? 33 : 34;

    /// <summary>Subjects a grade studies, with their weekly hours.</summary>
    public static IEnumerable<(DemoSubject Subject, int Hours)> ForGrade(int grade) =>
        Subjects.Where(s => s.Weekly(grade) > 0).Select(s => (s, s.Weekly(grade)));

    /// <summary>From grade 5 English is taught in two groups (ORG-3).</summary>
    public static bool IsSplit(string subject, int grade) => subject == English && grade >= 5;
}
