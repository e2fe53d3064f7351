namespace Journal.Domain.Lessons;

/// <summary>One lesson of a teaching assignment on a date (ORG-5: generated from the timetable).</summary>
public class Lesson : SchoolEntity
{
    public Guid AssignmentId { get; set; }

    public DateOnly Date { get; set; }

    public int LessonNumber { get; set; }

    public Guid? RoomId { get; set; }

    /// <summary>The timetable line this lesson was generated from; null for a one-off lesson.</summary>
    public Guid? TimetableEntryId { get; set; }

    /// <summary>Замена: another teacher gives this lesson and fills the journal (seed 000 §4.4).</summary>
    public Guid? SubstituteTeacherId { get; set; }

    /// <summary>Тема урока (JRN-2).</summary>
    public string? Topic { get; set; }

    public string? Homework { get; set; }

    /// <summary>«Без задания»: the teacher states that no homework is set.</summary>
    public bool NoHomework { get; set; }

    /// <summary>The КТП topic this lesson gave (JRN-6), when the topic was picked from the plan.</summary>
    public Guid? PlanTopicId { get; set; }

    /// <summary>When the topic was first written (DL-1), null if never.</summary>
    public DateTimeOffset? DetailsEnteredAt { get; set; }

    /// <summary>The topic was first written after the lesson day's deadline (DL-1, DL-4): counted by monitoring.</summary>
    public bool DetailsLate { get; set; }

    /// <summary>When homework (or «без задания») was first given (DL-1), null if never.</summary>
    public DateTimeOffset? HomeworkEnteredAt { get; set; }

    /// <summary>The homework was first given after the lesson day's deadline (DL-1, DL-4).</summary>
    public bool HomeworkLate { get; set; }
}

/// <summary>Вид работы with its default weight: a school setting (JRN-2).</summary>
public class WorkKind : SchoolEntity
{
    public required string Name { get; set; }

    public decimal DefaultWeight { get; set; } = 1m;

    /// <summary>Control, lab and practical works have their own deadlines and lock (DL-2, LCK-1).</summary>
    public bool IsControl { get; set; }

    /// <summary>
    /// DL-2: working days after the lesson to enter this kind's marks (written work 5, essays 10, control,
    /// lab and practical work 3); 0 means the lesson's day, as DL-1.
    /// </summary>
    public int EntryWorkingDays { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A work done in a lesson (JRN-2); marks belong to a work.</summary>
public class Work : SchoolEntity
{
    public Guid LessonId { get; set; }

    public Guid KindId { get; set; }

    public decimal Weight { get; set; } = 1m;

    public string? Title { get; set; }
}

public class Mark : SchoolEntity
{
    public Guid WorkId { get; set; }

    public Guid PupilId { get; set; }

    public MarkValue Value { get; set; }

    public string? Comment { get; set; }

    /// <summary>The membership that entered the mark.</summary>
    public Guid AuthorId { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}

/// <summary>A pupil's absence or lateness in one lesson (JRN-5).</summary>
public class Absence : SchoolEntity
{
    public Guid LessonId { get; set; }

    public Guid PupilId { get; set; }

    public AttendanceKind Kind { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}
