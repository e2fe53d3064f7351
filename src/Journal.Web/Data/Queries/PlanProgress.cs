using Journal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data.Queries;

/// <summary>
/// JRN-6: how far each journal (class or subgroup × subject) has gone through its КТП — hours given
/// (lessons up to today whose topic was picked from the plan) against the plan's total and the
/// curriculum's hours. One query for any number of journals.
/// </summary>
public static class PlanProgress
{
    public sealed record Row(
        Guid AssignmentId,
        string ClassName,
        int Grade,
        Guid SubjectId,
        string Subject,
        string? Subgroup,
        string Teacher,
        Guid? PlanId,
        int PlanTopics,
        int PlanHours,
        int? CurriculumHours,
        int Given,
        int LessonsHeld,
        int LessonsWithTopic)
    {
        public bool HasPlan => PlanId is not null && PlanTopics > 0;

        /// <summary>JRN-6: the plan's total must equal the curriculum's hours.</summary>
        public bool MatchesCurriculum => HasPlan && CurriculumHours == PlanHours;

        /// <summary>What is wrong with the plan, in Russian, or null when it is as it should be.</summary>
        public string? Problem => Describe(HasPlan, PlanHours, CurriculumHours);
    }

    /// <summary>The plan's flag for a subject × grade: missing, or its total differs from the curriculum.</summary>
    public static string? Describe(bool hasPlan, int planHours, int? curriculumHours) =>
        !hasPlan ? "КТП не загружен"
        : curriculumHours is not { } hours ? "Нет часов в учебном плане"
        : planHours != hours ? $"В КТП {Hours(planHours)}, по учебному плану {Hours(hours)}"
        : null;

    /// <summary>«1 ч.», «34 ч.»: hours are written with the abbreviation, which has no plural forms.</summary>
    public static string Hours(int hours) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{hours} ч.");

    /// <summary>«1 тема», «3 темы», «24 темы», «25 тем».</summary>
    public static string Topics(int count)
    {
        var (tens, ones) = (count % 100, count % 10);
        var word = tens is >= 11 and <= 14 ? "тем" : ones == 1 ? "тема" : ones is >= 2 and <= 4 ? "темы" : "тем";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {word}");
    }

    /// <summary>Progress of the given journals of one academic year, ordered by class, subject and subgroup.</summary>
    public static Task<List<Row>> ForAsync(
        JournalDbContext db, IQueryable<TeachingAssignment> assignments, Guid yearId, DateOnly today, CancellationToken cancellationToken) =>
        (from a in assignments.AsNoTracking()
         join c in db.Classes on a.ClassId equals c.Id
         where c.AcademicYearId == yearId
         join s in db.Subjects on a.SubjectId equals s.Id
         join m in db.Memberships on a.TeacherId equals m.Id
         join g in db.Subgroups on a.SubgroupId equals (Guid?)g.Id into groups
         from g in groups.DefaultIfEmpty()
         join p in db.LessonPlans on new { a.SubjectId, c.Grade, Year = c.AcademicYearId } equals new { p.SubjectId, p.Grade, Year = p.AcademicYearId } into plans
         from p in plans.DefaultIfEmpty()
         orderby c.Grade, c.Letter, s.Name, g.Name
         select new Row(
             a.Id,
             c.Grade + c.Letter,
             c.Grade,
             s.Id,
             s.Name,
             g == null ? null : g.Name,
             Journal.Domain.PersonName.WithInitials(m.LastName, m.FirstName, m.MiddleName),
             p == null ? null : p.Id,
             p == null ? 0 : db.PlanTopics.Count(t => t.PlanId == p.Id),
             p == null ? 0 : db.PlanTopics.Where(t => t.PlanId == p.Id).Sum(t => (int?)t.Hours) ?? 0,
             db.CurriculumHours
                 .Where(h => h.AcademicYearId == yearId && h.SubjectId == a.SubjectId && h.Grade == c.Grade)
                 .Select(h => (int?)h.HoursPerYear).FirstOrDefault(),
             db.Lessons.Count(l => l.AssignmentId == a.Id && l.Date <= today && l.PlanTopicId != null),
             db.Lessons.Count(l => l.AssignmentId == a.Id && l.Date <= today),
             db.Lessons.Count(l => l.AssignmentId == a.Id && l.Date <= today && l.Topic != null && l.Topic != "")))
        .ToListAsync(cancellationToken);
}
