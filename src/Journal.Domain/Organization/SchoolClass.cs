namespace Journal.Domain.Organization;

/// <summary>A class of one academic year, named by grade level and letter: «5А» (ORG-2).</summary>
public class SchoolClass : SchoolEntity
{
    public Guid AcademicYearId { get; set; }

    /// <summary>Grade level 1–11.</summary>
    public int Grade { get; set; }

    public required string Letter { get; set; }

    /// <summary>The class teacher's membership (классный руководитель).</summary>
    public Guid? ClassTeacherId { get; set; }

    public string Name => $"{Grade}{Letter}";
}

/// <summary>A part of a class for one subject, e.g. English group 1 (ORG-3).</summary>
public class Subgroup : SchoolEntity
{
    public Guid ClassId { get; set; }

    public Guid SubjectId { get; set; }

    public required string Name { get; set; }
}

public class SubgroupMember : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid SubgroupId { get; set; }

    public Guid PupilId { get; set; }
}

public class Subject : SchoolEntity
{
    public required string Name { get; set; }

    /// <summary>Short form for narrow columns, e.g. «Рус. яз.».</summary>
    public required string ShortName { get; set; }

    /// <summary>Graded «зачёт»/«незачёт» instead of 2–5 (JRN-3).</summary>
    public bool IsPassFail { get; set; }

    /// <summary>GRD-3: a period mark needs at least one control work with a mark (seed 000 §6.2: Russian, maths, physics…).</summary>
    public bool RequiresControlWork { get; set; }
}

/// <summary>Учебный план: hours a year of one subject for one grade level (ORG-4).</summary>
public class CurriculumHours : SchoolEntity
{
    public Guid AcademicYearId { get; set; }

    public Guid SubjectId { get; set; }

    public int Grade { get; set; }

    public int HoursPerYear { get; set; }
}

/// <summary>A teacher teaches a subject to a class or to one of its subgroups (ORG-4).</summary>
public class TeachingAssignment : SchoolEntity
{
    public Guid ClassId { get; set; }

    public Guid SubjectId { get; set; }

    public Guid? SubgroupId { get; set; }

    public Guid TeacherId { get; set; }
}

public class Room : SchoolEntity
{
    public required string Name { get; set; }
}

/// <summary>One line of the bell schedule (режим работы): lesson number and times (ORG-5).</summary>
public class BellSlot : SchoolEntity
{
    public int Number { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }
}

/// <summary>A weekly timetable line: on this day, at this lesson number, this assignment in this room (ORG-5).</summary>
public class TimetableEntry : SchoolEntity
{
    public Guid AcademicYearId { get; set; }

    public Guid AssignmentId { get; set; }

    public DayOfWeek DayOfWeek { get; set; }

    public int LessonNumber { get; set; }

    public Guid? RoomId { get; set; }
}
