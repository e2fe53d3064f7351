using Journal.Domain;
using Journal.Domain.Lessons;
using Journal.Domain.Policies;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Attendance;

/// <summary>
/// JRN-5, seed 000 §4.5: the class teacher's week of attendance: the class's pupils × Monday–Saturday,
/// every absence of every lesson of the class (all subjects and subgroups), with the week's totals.
/// Five queries whatever the class size.
/// </summary>
public static class AttendanceWeek
{
    public sealed record Query(Guid? ClassId, DateOnly Monday, Guid ClassTeacherId, DateOnly Today, int LockDays);

    public sealed record ClassOption(Guid Id, string Name);

    public sealed record Entry(Guid AbsenceId, Guid PupilId, DateOnly Date, int Number, AttendanceKind Kind, string Subject);

    /// <summary>A column: the date, how many lessons the class has that day, how many pupils missed any.</summary>
    public sealed record Day(DateOnly Date, int Lessons, int PupilsAbsent);

    /// <summary>
    /// One pupil's day. <see cref="WholeDay"/> is set when the pupil missed every one of their lessons that
    /// day for the same reason, and the cell then reads «Б весь день».
    /// </summary>
    public sealed record Cell(DateOnly Date, bool Enrolled, IReadOnlyList<Entry> Entries, AttendanceKind? WholeDay);

    /// <summary>Lessons missed (Н, Б, У), of them for a valid reason (Б, У), and lateness (ОП).</summary>
    public sealed record Totals(int Missed, int Valid, int Late)
    {
        public static Totals Of(IEnumerable<Entry> entries)
        {
            var list = entries.ToList();
            return new Totals(
                list.Count(e => e.Kind != AttendanceKind.Late),
                list.Count(e => e.Kind is AttendanceKind.Ill or AttendanceKind.ValidReason),
                list.Count(e => e.Kind == AttendanceKind.Late));
        }
    }

    public sealed record PupilRow(Guid Id, string Name, string? Note, IReadOnlyList<Cell> Cells, Totals Totals)
    {
        public bool HasAbsences => Totals.Missed + Totals.Late > 0;
    }

    public sealed record Model(
        IReadOnlyList<ClassOption> Classes, ClassOption Class, DateOnly Monday, DateOnly Today, int LockDays,
        IReadOnlyList<Day> Days, IReadOnlyList<PupilRow> Pupils, Totals Totals)
    {
        public DateOnly Saturday => Monday.AddDays(5);

        /// <summary>The first lesson date whose attendance may still be changed (LCK-1).</summary>
        public DateOnly OpenFrom => Today.AddDays(-LockDays);
    }

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            var classes = await LedClasses.Of(db, query.ClassTeacherId).AsNoTracking()
                .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
                .Select(c => new ClassOption(c.Id, c.Grade + c.Letter))
                .ToListAsync(cancellationToken);
            var chosen = query.ClassId is { } id ? classes.SingleOrDefault(c => c.Id == id) : classes.FirstOrDefault();
            if (chosen is null)
            {
                return null; // not this teacher's class, another school's, or no class led this year
            }

            var monday = query.Monday;
            var saturday = monday.AddDays(5);
            var classId = chosen.Id;
            var enrolments = await (
                    from e in db.Enrolments.AsNoTracking()
                    where e.ClassId == classId && e.FromDate <= saturday && (e.ToDate == null || e.ToDate >= monday)
                    join p in db.Pupils on e.PupilId equals p.Id
                    orderby p.LastName, p.FirstName, p.MiddleName
                    select new { p.Id, p.LastName, p.FirstName, p.MiddleName, e.FromDate, e.ToDate })
                .ToListAsync(cancellationToken);
            var lessons = await (
                    from l in db.Lessons.AsNoTracking()
                    where l.Date >= monday && l.Date <= saturday
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where a.ClassId == classId
                    select new { l.Date, l.LessonNumber, a.SubgroupId })
                .ToListAsync(cancellationToken);
            var groupMembers = (await db.SubgroupMembers.AsNoTracking()
                    .Where(m => db.Subgroups.Any(g => g.Id == m.SubgroupId && g.ClassId == classId))
                    .Select(m => new { m.SubgroupId, m.PupilId })
                    .ToListAsync(cancellationToken))
                .Select(m => (m.SubgroupId, m.PupilId)).ToHashSet();
            var absences = await (
                    from ab in db.Absences.AsNoTracking()
                    join l in db.Lessons on ab.LessonId equals l.Id
                    where l.Date >= monday && l.Date <= saturday
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where a.ClassId == classId
                    join s in db.Subjects on a.SubjectId equals s.Id
                    orderby l.Date, l.LessonNumber, s.Name
                    select new Entry(ab.Id, ab.PupilId, l.Date, l.LessonNumber, ab.Kind, s.Name))
                .ToListAsync(cancellationToken);

            var dates = Enumerable.Range(0, 6).Select(monday.AddDays).ToList();
            var byPupilDay = absences.ToLookup(a => (a.PupilId, a.Date));
            var rows = enrolments.GroupBy(e => e.Id).Select(g =>
            {
                var first = g.First();
                var from = g.Min(e => e.FromDate);
                var to = g.Any(e => e.ToDate is null) ? (DateOnly?)null : g.Max(e => e.ToDate);
                var cells = dates.Select(date =>
                {
                    var entries = byPupilDay[(first.Id, date)].ToList();
                    var own = lessons
                        .Where(l => l.Date == date && (l.SubgroupId is not { } group || groupMembers.Contains((group, first.Id))))
                        .Select(l => l.LessonNumber).Distinct().Count();
                    var wholeDay = entries.Count >= 2 && entries.Count >= own
                                   && entries.All(e => e.Kind == entries[0].Kind && e.Kind != AttendanceKind.Late)
                        ? entries[0].Kind
                        : (AttendanceKind?)null;
                    return new Cell(date, g.Any(e => e.FromDate <= date && (e.ToDate is null || e.ToDate >= date)), entries, wholeDay);
                }).ToList();
                var note = to is { } left && left < saturday ? $"выбыл(а) {AttendanceView.Day(left)}"
                    : from > monday ? $"прибыл(а) {AttendanceView.Day(from)}"
                    : null;
                return new PupilRow(
                    first.Id, PersonName.Full(first.LastName, first.FirstName, first.MiddleName), note, cells,
                    Totals.Of(cells.SelectMany(c => c.Entries)));
            }).ToList();
            var shown = rows.Select(r => r.Id).ToHashSet();
            var days = dates.Select(date => new Day(
                date,
                lessons.Where(l => l.Date == date).Select(l => l.LessonNumber).Distinct().Count(),
                absences.Where(a => a.Date == date && a.Kind != AttendanceKind.Late && shown.Contains(a.PupilId))
                    .Select(a => a.PupilId).Distinct().Count())).ToList();
            return new Model(
                classes, chosen, monday, query.Today, query.LockDays, days, rows,
                Totals.Of(rows.SelectMany(r => r.Cells).SelectMany(c => c.Entries)));
        }
    }

    /// <summary>Whether an absence of a lesson on this date may still be corrected (LCK-1).</summary>
    public static bool IsOpen(DateOnly lessonDate, DateOnly today, int lockDays) =>
        EditLock.CanEdit(lessonDate, today, lockDays).Allowed;
}
