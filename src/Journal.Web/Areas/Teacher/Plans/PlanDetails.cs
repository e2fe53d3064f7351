using Journal.Domain;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>Which plan a request is about: one subject × grade level of the current academic year.</summary>
public sealed record PlanKey(
    Guid YearId, string YearName, bool YearClosed, Guid SubjectId, string Subject, int Grade, int? CurriculumHours, Guid? PlanId)
{
    /// <summary>Most hours one topic may take: the whole year's (or a generous bound where the curriculum says nothing).</summary>
    public int MaxTopicHours => CurriculumHours is > 0 and { } hours ? hours : 400;

    public string Title => $"{Subject}, {Grade} класс";
}

/// <summary>
/// JRN-6: the КТП page of a subject × grade level: its topics in order with hours and homework, the
/// totals against the curriculum, and each class's progress. Only a teacher who teaches that subject
/// in that grade level this year may see and change it (anyone else gets 404).
/// </summary>
public static class PlanDetails
{
    public sealed record TopicRow(Guid Id, int Position, string Title, int Hours, string? Homework, int Lessons);

    public sealed record Model(
        PlanKey Key, IReadOnlyList<TopicRow> Topics, DateTimeOffset? UpdatedAt, string? Author, IReadOnlyList<PlanProgress.Row> Classes)
    {
        public int TotalHours => Topics.Sum(t => t.Hours);

        public string? Problem => PlanProgress.Describe(Topics.Count > 0, TotalHours, Key.CurriculumHours);
    }

    public sealed class Handler(JournalDbContext db)
    {
        /// <summary>The plan's key when this teacher teaches the subject in the grade this year; null otherwise.</summary>
        public async Task<PlanKey?> KeyAsync(Guid subjectId, int grade, Guid teacherId, DateOnly today, CancellationToken cancellationToken)
        {
            var year = await CurrentYear.ForAsync(db, today, cancellationToken);
            if (year is null)
            {
                return null;
            }

            return await db.Subjects.AsNoTracking()
                .Where(s => s.Id == subjectId && db.TeachingAssignments.Any(a =>
                    a.TeacherId == teacherId && a.SubjectId == s.Id
                    && db.Classes.Any(c => c.Id == a.ClassId && c.Grade == grade && c.AcademicYearId == year.Id)))
                .Select(s => new PlanKey(
                    year.Id, year.Name, year.IsClosed, s.Id, s.Name, grade,
                    db.CurriculumHours.Where(h => h.AcademicYearId == year.Id && h.SubjectId == s.Id && h.Grade == grade)
                        .Select(h => (int?)h.HoursPerYear).FirstOrDefault(),
                    db.LessonPlans.Where(p => p.AcademicYearId == year.Id && p.SubjectId == s.Id && p.Grade == grade)
                        .Select(p => (Guid?)p.Id).FirstOrDefault()))
                .SingleOrDefaultAsync(cancellationToken);
        }

        public async Task<Model> LoadAsync(PlanKey key, DateOnly today, CancellationToken cancellationToken)
        {
            var topics = key.PlanId is { } planId ? await TopicsAsync(planId, cancellationToken) : [];
            var plan = key.PlanId is { } id
                ? await (from p in db.LessonPlans.AsNoTracking()
                         where p.Id == id
                         join m in db.Memberships on p.AuthorId equals m.Id
                         select new { p.UpdatedAt, Author = PersonName.WithInitials(m.LastName, m.FirstName, m.MiddleName) })
                    .SingleAsync(cancellationToken)
                : null;
            var classes = await PlanProgress.ForAsync(
                db,
                db.TeachingAssignments.Where(a => a.SubjectId == key.SubjectId && db.Classes.Any(c => c.Id == a.ClassId && c.Grade == key.Grade)),
                key.YearId,
                today,
                cancellationToken);
            return new Model(key, topics, plan?.UpdatedAt, plan?.Author, classes);
        }

        /// <summary>The plan's topics in order, each with the number of lessons (of any class) that gave it.</summary>
        public Task<List<TopicRow>> TopicsAsync(Guid planId, CancellationToken cancellationToken) =>
            db.PlanTopics.AsNoTracking()
                .Where(t => t.PlanId == planId)
                .OrderBy(t => t.Position)
                .Select(t => new TopicRow(t.Id, t.Position, t.Title, t.Hours, t.Homework, db.Lessons.Count(l => l.PlanTopicId == t.Id)))
                .ToListAsync(cancellationToken);
    }
}
