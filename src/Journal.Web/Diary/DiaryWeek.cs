using Journal.Domain;
using Journal.Domain.Lessons;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Diary;

/// <summary>
/// DRY-1: one pupil's week, Monday to Saturday: every lesson of the class (or classes: a pupil who moved mid-week
/// has the old class's lessons before the move and the new one's after) and of the pupil's own subgroups, with its
/// time, subject, teacher or substitute, topic, homework and files, the pupil's marks with the kind and weight of
/// the work, and the absence. Shared by the pupil's and the parent's pages. Five queries whatever the week.
/// </summary>
public static class DiaryWeek
{
    /// <param name="PupilId">The pupil; the caller has already checked the user may see them.</param>
    /// <param name="Week">Any day of the week; the week starts on its Monday.</param>
    /// <param name="Today">The school's today (TEN-4), for the link back to this week.</param>
    public sealed record Query(Guid PupilId, DateOnly Week, DateOnly Today);

    public sealed record ClassStay(string Name, int Grade, DateOnly From, DateOnly? To);

    public sealed record FileLink(Guid Id, string Name);

    public sealed record MarkLine(string Value, string Kind, decimal Weight, string? Comment);

    public sealed record LessonLine(
        Guid Id, DateOnly Date, int Number, TimeOnly? Start, TimeOnly? End, Guid SubjectId, string Subject, string? Subgroup,
        string Teacher, string? Substitute, string? Room, string? Topic, string? Homework, bool NoHomework,
        IReadOnlyList<FileLink> Files, IReadOnlyList<MarkLine> Marks, string? Absence, bool MarksGiven);

    public sealed record Day(DateOnly Date, IReadOnlyList<LessonLine> Lessons);

    public sealed record Model(DateOnly Monday, DateOnly Today, IReadOnlyList<ClassStay> Classes, IReadOnlyList<Day> Days)
    {
        public DateOnly ThisWeek => SchoolClock.WeekStart(Today);

        public DateOnly Saturday => Monday.AddDays(5);

        public DateOnly Previous => Monday.AddDays(-7);

        public DateOnly Next => Monday.AddDays(7);

        /// <summary>JRN-4: in grade 1 no marks are given; a week spent only in grade 1 has no marks to show.</summary>
        public bool MarksGiven => Classes.Any(c => c.Grade > 1);
    }

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var monday = SchoolClock.WeekStart(query.Week);
            var saturday = monday.AddDays(5);
            var pupilId = query.PupilId;

            var stays = db.Enrolments.AsNoTracking()
                .Where(e => e.PupilId == pupilId && e.FromDate <= saturday && (e.ToDate == null || e.ToDate >= monday));
            var classes = await (
                    from e in stays
                    join c in db.Classes on e.ClassId equals c.Id
                    orderby e.FromDate
                    select new ClassStay(c.Grade + c.Letter, c.Grade, e.FromDate, e.ToDate))
                .ToListAsync(cancellationToken);

            // The lessons the pupil had: their class's on the days they were in it, and only their own group's.
            var lessons =
                from l in db.Lessons.AsNoTracking()
                where l.Date >= monday && l.Date <= saturday
                join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                where stays.Any(e => e.ClassId == a.ClassId && e.FromDate <= l.Date && (e.ToDate == null || e.ToDate >= l.Date))
                      && (a.SubgroupId == null || db.SubgroupMembers.Any(m => m.SubgroupId == a.SubgroupId && m.PupilId == pupilId))
                select new { Lesson = l, Assignment = a };

            var rows = await (
                    from x in lessons
                    join c in db.Classes on x.Assignment.ClassId equals c.Id
                    join s in db.Subjects on x.Assignment.SubjectId equals s.Id
                    join t in db.Memberships on x.Assignment.TeacherId equals t.Id
                    join b in db.BellSlots on x.Lesson.LessonNumber equals b.Number into bells
                    from b in bells.DefaultIfEmpty()
                    join g in db.Subgroups on x.Assignment.SubgroupId equals (Guid?)g.Id into groups
                    from g in groups.DefaultIfEmpty()
                    join r in db.Rooms on x.Lesson.RoomId equals (Guid?)r.Id into rooms
                    from r in rooms.DefaultIfEmpty()
                    join m in db.Memberships on x.Lesson.SubstituteTeacherId equals (Guid?)m.Id into substitutes
                    from m in substitutes.DefaultIfEmpty()
                    orderby x.Lesson.Date, x.Lesson.LessonNumber, s.Name
                    select new
                    {
                        x.Lesson.Id,
                        x.Lesson.Date,
                        x.Lesson.LessonNumber,
                        Start = b == null ? (TimeOnly?)null : b.StartTime,
                        End = b == null ? (TimeOnly?)null : b.EndTime,
                        SubjectId = s.Id,
                        Subject = s.Name,
                        Subgroup = g == null ? null : g.Name,
                        c.Grade,
                        TeacherLast = t.LastName,
                        TeacherFirst = t.FirstName,
                        TeacherMiddle = t.MiddleName,
                        SubstituteLast = m == null ? null : m.LastName,
                        SubstituteFirst = m == null ? null : m.FirstName,
                        SubstituteMiddle = m == null ? null : m.MiddleName,
                        Room = r == null ? null : r.Name,
                        x.Lesson.Topic,
                        x.Lesson.Homework,
                        x.Lesson.NoHomework,
                    })
                .ToListAsync(cancellationToken);

            var marks = (await (
                    from mark in db.Marks.AsNoTracking()
                    where mark.PupilId == pupilId
                    join w in db.Works on mark.WorkId equals w.Id
                    join x in lessons on w.LessonId equals x.Lesson.Id
                    join k in db.WorkKinds on w.KindId equals k.Id
                    orderby k.SortOrder, w.Id
                    select new { w.LessonId, mark.Value, Kind = k.Name, w.Weight, mark.Comment })
                .ToListAsync(cancellationToken))
                .ToLookup(m => m.LessonId, m => new MarkLine(m.Value.Code, m.Kind, m.Weight, m.Comment));
            var absences = (await (
                    from a in db.Absences.AsNoTracking()
                    where a.PupilId == pupilId
                    join x in lessons on a.LessonId equals x.Lesson.Id
                    select new { a.LessonId, a.Kind })
                .ToListAsync(cancellationToken))
                .ToDictionary(a => a.LessonId, a => a.Kind.Code());
            var files = (await (
                    from h in db.HomeworkFiles.AsNoTracking()
                    join x in lessons on h.LessonId equals x.Lesson.Id
                    join f in db.StoredFiles on h.FileId equals f.Id
                    orderby f.UploadedAt, f.Id
                    select new { h.LessonId, f.Id, f.FileName })
                .ToListAsync(cancellationToken))
                .ToLookup(f => f.LessonId, f => new FileLink(f.Id, f.FileName));

            var byDate = rows.Select(l => new LessonLine(
                    l.Id, l.Date, l.LessonNumber, l.Start, l.End, l.SubjectId,
                    l.Subject, l.Subgroup,
                    PersonName.WithInitials(l.TeacherLast, l.TeacherFirst, l.TeacherMiddle),
                    l.SubstituteLast is { } last ? PersonName.WithInitials(last, l.SubstituteFirst!, l.SubstituteMiddle) : null,
                    l.Room, l.Topic, l.Homework, l.NoHomework,
                    [.. files[l.Id]],
                    // JRN-4: grade 1 gets no marks; none are shown even if one was written by mistake.
                    l.Grade > 1 ? [.. marks[l.Id]] : [],
                    absences.GetValueOrDefault(l.Id),
                    l.Grade > 1))
                .ToLookup(l => l.Date);
            var days = Enumerable.Range(0, 6)
                .Select(i => monday.AddDays(i))
                .Select(d => new Day(d, [.. byDate[d]]))
                .ToList();
            return new Model(monday, query.Today, classes, days);
        }
    }
}
