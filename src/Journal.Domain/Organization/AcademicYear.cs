namespace Journal.Domain.Organization;

/// <summary>Учебный год (ORG-1), e.g. «2026/2027».</summary>
public class AcademicYear : SchoolEntity
{
    public required string Name { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>A closed year stays readable and locked (ADM-2).</summary>
    public bool IsClosed { get; set; }

    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;
}

/// <summary>Which kind of study periods a grade level uses in a year (ORG-1: quarters for 2–9, half-years for 10–11…).</summary>
public class GradePeriodKind : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid AcademicYearId { get; set; }

    public int Grade { get; set; }

    public PeriodKind Kind { get; set; }
}

public enum PeriodKind
{
    Quarter,
    Trimester,
    HalfYear,
}

/// <summary>A quarter, trimester or half-year of one academic year (ORG-1).</summary>
public class StudyPeriod : SchoolEntity
{
    public Guid AcademicYearId { get; set; }

    public PeriodKind Kind { get; set; }

    /// <summary>1-based number within the year: 1..4 quarters, 1..3 trimesters, 1..2 half-years.</summary>
    public int Number { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public string Name => Kind switch
    {
        PeriodKind.Quarter => $"{Number}-я четверть",
        PeriodKind.Trimester => $"{Number}-й триместр",
        _ => $"{Number}-е полугодие",
    };

    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;
}

/// <summary>Каникулы or a public holiday; when Grade is set, only for that grade level (extra holidays for grade 1).</summary>
public class Holiday : SchoolEntity
{
    public Guid AcademicYearId { get; set; }

    public required string Name { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public int? Grade { get; set; }

    public bool Covers(DateOnly date, int grade) =>
        date >= StartDate && date <= EndDate && (Grade is null || Grade == grade);
}
