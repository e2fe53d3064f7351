using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data.Queries;

/// <summary>Lessons of one day as a timetable: a teacher's (own and substituted) or a pupil's. One query.</summary>
public static class DayLessons
{
    public sealed record Row(
        Guid AssignmentId,
        int Number, TimeOnly? Start, TimeOnly? End, string ClassName, string Subject, string? Subgroup,
        string? Room, string? Topic, bool IsSubstitution);

    public static Task<List<Row>> ForTeacherAsync(JournalDbContext db, Guid teacherId, DateOnly date, CancellationToken cancellationToken) =>
        Project(db, Pairs(db, date).Where(p => p.Assignment.TeacherId == teacherId || p.Lesson.SubstituteTeacherId == teacherId))
            .ToListAsync(cancellationToken);

    public static Task<List<Row>> ForPupilAsync(JournalDbContext db, Guid pupilId, Guid classId, DateOnly date, CancellationToken cancellationToken) =>
        Project(db, Pairs(db, date).Where(p => p.Assignment.ClassId == classId
                && (p.Assignment.SubgroupId == null
                    || db.SubgroupMembers.Any(m => m.SubgroupId == p.Assignment.SubgroupId && m.PupilId == pupilId))))
            .ToListAsync(cancellationToken);

    private sealed class Pair
    {
        public required Lesson Lesson { get; init; }

        public required TeachingAssignment Assignment { get; init; }
    }

    private static IQueryable<Pair> Pairs(JournalDbContext db, DateOnly date) =>
        from l in db.Lessons.AsNoTracking()
        where l.Date == date
        join a in db.TeachingAssignments on l.AssignmentId equals a.Id
        select new Pair { Lesson = l, Assignment = a };

    private static IQueryable<Row> Project(JournalDbContext db, IQueryable<Pair> pairs) =>
        from p in pairs
        join c in db.Classes on p.Assignment.ClassId equals c.Id
        join s in db.Subjects on p.Assignment.SubjectId equals s.Id
        join b in db.BellSlots on p.Lesson.LessonNumber equals b.Number into bells
        from b in bells.DefaultIfEmpty()
        join g in db.Subgroups on p.Assignment.SubgroupId equals (Guid?)g.Id into groups
        from g in groups.DefaultIfEmpty()
        join r in db.Rooms on p.Lesson.RoomId equals (Guid?)r.Id into rooms
        from r in rooms.DefaultIfEmpty()
        orderby p.Lesson.LessonNumber, c.Grade, c.Letter
        select new Row(
            p.Assignment.Id,
            p.Lesson.LessonNumber,
            b == null ? null : b.StartTime,
            b == null ? null : b.EndTime,
            c.Grade + c.Letter,
            s.Name,
            g == null ? null : g.Name,
            r == null ? null : r.Name,
            p.Lesson.Topic,
            p.Lesson.SubstituteTeacherId != null);
}
