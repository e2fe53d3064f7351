using Journal.Domain.Organization;
using Journal.Domain.People;
using static Journal.Web.Data.Seed.DemoCurriculum;

namespace Journal.Web.Data.Seed;

/// <summary>A teacher of a demo school: the subjects they teach, optionally only in some classes.</summary>
internal sealed record DemoTeacherSpec(
    string Login, string[] Subjects, string[]? Classes = null, string? ClassTeacherOf = null, DemoPersonName? Name = null)
{
    public bool Teaches(string subject, string className) =>
        Subjects.Contains(subject) && (Classes is null || Classes.Contains(className));
}

/// <summary>A named pupil (with an account when StudentLogin is set). Ability is the pupil's usual mark, 2.5–4.9.</summary>
internal sealed record DemoChildSpec(DemoPersonName Name, DateOnly? BirthDate, string ClassName, string? StudentLogin, double Ability);

/// <summary>A parent with an account and their children in this school.</summary>
internal sealed record DemoFamilySpec(string ParentLogin, DemoPersonName Parent, DemoChildSpec[] Children);

internal sealed record DemoSchoolSpec(
    string Slug,
    string Name,
    string TimeZoneId,
    int Seed,
    string[] Classes,
    Func<int, PeriodKind> PeriodKindOf,
    DemoPersonName Admin,
    DemoPersonName Deputy,
    DemoTeacherSpec[] Teachers,
    DemoFamilySpec[] Families,
    string DepartureClass,
    (string From, string To) Transfer,
    string ArrivalClass);

/// <summary>The two demo schools. Logins: admin@S, deputy@S, teacher@S, classteacher@S, student@S, parent@S, teacherN@S.</summary>
internal static class DemoSchools
{
    public const string Password = "Demo-Pass-2026";

    public const string OperatorLogin = "operator";

    private static readonly string[] PrimarySubjects = [Russian, ReadingPrimary, Mathematics, World, Technology, Art];

    /// <summary>parent@demo: children in both schools (SPEC §1: a parent with children in two schools sees both).</summary>
    private static readonly DemoPersonName SmirnovaMother = new("Смирнова", "Елена", "Викторовна", Sex.Female);

    public static IReadOnlyList<DemoSchoolSpec> All { get; } = [Demo(), Demo2()];

    private static DemoSchoolSpec Demo() => new(
        Slug: "demo",
        Name: "Демонстрационная школа № 1",
        TimeZoneId: "Asia/Yekaterinburg",
        Seed: 20261,
        Classes: ["1А", "1Б", "5А", "5Б", "7А", "9А", "11А"],
        PeriodKindOf: _ => PeriodKind.Quarter,
        Admin: new("Белова", "Ирина", "Владимировна", Sex.Female),
        Deputy: new("Захарова", "Наталья", "Петровна", Sex.Female),
        Teachers:
        [
            new("teacher@demo", [Mathematics], ["5А", "5Б"], Name: new("Орлов", "Андрей", "Викторович", Sex.Male)),
            new("classteacher@demo", [Russian, Literature], ["5А", "5Б"], "5А", new("Никитина", "Марина", "Сергеевна", Sex.Female)),
            new("teacher3@demo", PrimarySubjects, ["1А"], "1А"),
            new("teacher4@demo", PrimarySubjects, ["1Б"], "1Б"),
            new("teacher5@demo", [Algebra, Geometry, Statistics], ClassTeacherOf: "11А"),
            new("teacher6@demo", [Russian, Literature], ClassTeacherOf: "7А"),
            new("teacher7@demo", [English]),
            new("teacher8@demo", [English]),
            new("teacher9@demo", [History, Social, Culture], ClassTeacherOf: "5Б"),
            new("teacher10@demo", [Biology, Chemistry]),
            new("teacher11@demo", [Geography]),
            new("teacher12@demo", [Physics, Informatics], ClassTeacherOf: "9А"),
            new("teacher13@demo", [Music, Art]),
            new("teacher14@demo", [Technology, Safety]),
            new("teacher15@demo", [Sport]),
        ],
        Families:
        [
            new("parent@demo", SmirnovaMother,
            [
                new(new("Смирнов", "Артём", "Андреевич", Sex.Male), null, "5А", "student@demo", 4.2),
                new(new("Смирнова", "Полина", "Андреевна", Sex.Female), null, "9А", null, 3.9),
            ]),
        ],
        DepartureClass: "7А",
        Transfer: ("5А", "5Б"),
        ArrivalClass: "9А");

    private static DemoSchoolSpec Demo2() => new(
        Slug: "demo2",
        Name: "Средняя школа № 2 г. Красноярска",
        TimeZoneId: "Asia/Krasnoyarsk",
        Seed: 20262,
        Classes: ["1А", "5А", "5Б", "7А", "9А", "10А", "11А"],
        PeriodKindOf: grade => grade >= 10 ? PeriodKind.HalfYear : PeriodKind.Quarter,
        Admin: new("Григорьева", "Светлана", "Анатольевна", Sex.Female),
        Deputy: new("Васильев", "Олег", "Николаевич", Sex.Male),
        Teachers:
        [
            new("teacher@demo2", [Mathematics], ["5А", "5Б"], Name: new("Лебедева", "Татьяна", "Юрьевна", Sex.Female)),
            new("classteacher@demo2", [Russian, Literature], ["7А", "9А"], "7А", new("Морозова", "Ольга", "Ивановна", Sex.Female)),
            new("teacher3@demo2", PrimarySubjects, ["1А"], "1А"),
            new("teacher4@demo2", [Russian, Literature], ["5А", "5Б"], "5А"),
            new("teacher5@demo2", [Russian, Literature], ["10А", "11А"], "10А"),
            new("teacher6@demo2", [Algebra, Geometry, Statistics], ["7А", "9А"], "9А"),
            new("teacher7@demo2", [Algebra, Geometry, Statistics], ["10А", "11А"], "11А"),
            new("teacher8@demo2", [English]),
            new("teacher9@demo2", [English]),
            new("teacher10@demo2", [History, Social, Culture], ClassTeacherOf: "5Б"),
            new("teacher11@demo2", [Biology, Chemistry, Geography]),
            new("teacher12@demo2", [Physics, Informatics, Project]),
            new("teacher13@demo2", [Music, Art, Technology]),
            new("teacher14@demo2", [Sport, Safety]),
        ],
        Families:
        [
            new("parent@demo2", new("Кузнецов", "Дмитрий", "Александрович", Sex.Male),
            [
                new(new("Кузнецова", "Дарья", "Дмитриевна", Sex.Female), null, "7А", "student@demo2", 4.3),
                new(new("Кузнецов", "Егор", "Дмитриевич", Sex.Male), null, "10А", null, 3.6),
            ]),
            new("parent@demo", SmirnovaMother,
            [
                new(new("Смирнов", "Матвей", "Андреевич", Sex.Male), null, "1А", null, 4.0),
            ]),
        ],
        DepartureClass: "9А",
        Transfer: ("5А", "5Б"),
        ArrivalClass: "7А");
}
