namespace Journal.Domain.Lessons;

/// <summary>
/// КТП (календарно-тематическое планирование), JRN-6: the plan of one subject for one grade level in
/// one academic year, a list of topics in order with hours. Called LessonPlan in the code.
/// </summary>
public class LessonPlan : SchoolEntity
{
    public Guid AcademicYearId { get; set; }

    public Guid SubjectId { get; set; }

    public int Grade { get; set; }

    /// <summary>The teacher who last wrote or imported the plan.</summary>
    public Guid AuthorId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One topic of a plan: its place in order, hours, and optional homework.</summary>
public class PlanTopic : SchoolEntity
{
    public Guid PlanId { get; set; }

    /// <summary>1, 2, 3… in the order the topics are taught.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }

    public int Hours { get; set; } = 1;

    public string? Homework { get; set; }
}
