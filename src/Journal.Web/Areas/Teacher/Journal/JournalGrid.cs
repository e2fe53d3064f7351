using Journal.Domain;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.Policies;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>
/// JRN-1: the journal page of one assignment (class or subgroup × subject) for one study period:
/// pupils × lessons, each lesson with its works as columns. Seven queries whatever the class size.
/// </summary>
public static class JournalGrid
{
    public sealed record Query(Guid AssignmentId, Guid? PeriodId, Guid TeacherId, DateOnly Today, int LockDays);

    public sealed record Header(
        Guid AssignmentId, Guid ClassId, int Grade, string ClassName, string Subject, bool IsPassFail,
        Guid? SubgroupId, string? Subgroup, Guid YearId, bool IsOwner);

    public sealed record PeriodOption(Guid Id, string Name, DateOnly Start, DateOnly End);

    /// <summary>A column: a work of a lesson, or the lesson's first (not yet created) work.</summary>
    public sealed record WorkColumn(Guid? WorkId, string Kind, decimal Weight);

    public sealed record LessonColumn(
        Guid Id, DateOnly Date, int Number, string? Topic, string? Homework, bool NoHomework,
        IReadOnlyList<WorkColumn> Works, EditDecision Edit, bool IsPast, string? Substitute, bool IsMine)
    {
        /// <summary>Past the lock: a change goes through a correction request (LCK-2).</summary>
        public bool NeedsCorrectionRequest => IsMine && IsPast && !Edit.Allowed;
    }

    public sealed record PupilRow(Guid Id, string Name, DateOnly From, DateOnly? To)
    {
        public bool IsEnrolledOn(DateOnly date) => From <= date && (To is null || date <= To);
    }

    public sealed record Model(
        Header Header,
        IReadOnlyList<PeriodOption> Periods,
        PeriodOption Period,
        IReadOnlyList<LessonColumn> Lessons,
        IReadOnlyList<PupilRow> Pupils,
        IReadOnlyDictionary<(Guid Pupil, Guid Work), string> Marks,
        IReadOnlyDictionary<(Guid Pupil, Guid Lesson), string> Absences,
        string DefaultWorkKind)
    {
        /// <summary>JRN-4: grade 1 has attendance only.</summary>
        public bool MarksAllowed => Header.Grade > 1;
    }

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            var header = await (
                    from a in db.TeachingAssignments.AsNoTracking()
                    where a.Id == query.AssignmentId
                          // A substitute opens the journal of the lessons they gave (and writes only those).
                          && (a.TeacherId == query.TeacherId
                              || db.Lessons.Any(l => l.AssignmentId == a.Id && l.SubstituteTeacherId == query.TeacherId))
                    join c in db.Classes on a.ClassId equals c.Id
                    join s in db.Subjects on a.SubjectId equals s.Id
                    join g in db.Subgroups on a.SubgroupId equals (Guid?)g.Id into groups
                    from g in groups.DefaultIfEmpty()
                    select new Header(
                        a.Id, c.Id, c.Grade, c.Grade + c.Letter, s.Name, s.IsPassFail, a.SubgroupId,
                        g == null ? null : g.Name, c.AcademicYearId, a.TeacherId == query.TeacherId))
                .SingleOrDefaultAsync(cancellationToken);
            if (header is null)
            {
                return null;
            }

            var periods = await db.StudyPeriods.AsNoTracking()
                .Where(p => p.AcademicYearId == header.YearId
                            && db.GradePeriodKinds.Any(k => k.AcademicYearId == header.YearId && k.Grade == header.Grade && k.Kind == p.Kind)
                            // A substitute sees only the periods of the lessons they gave.
                            && (header.IsOwner
                                || db.Lessons.Any(l => l.AssignmentId == header.AssignmentId && l.SubstituteTeacherId == query.TeacherId
                                                       && l.Date >= p.StartDate && l.Date <= p.EndDate)))
                .OrderBy(p => p.Number)
                .Select(p => new { p.Id, p.Kind, p.Number, p.StartDate, p.EndDate })
                .ToListAsync(cancellationToken);
            var options = periods
                .Select(p => new PeriodOption(p.Id, new StudyPeriod { Kind = p.Kind, Number = p.Number }.Name, p.StartDate, p.EndDate))
                .ToList();
            var period = options.FirstOrDefault(p => p.Id == query.PeriodId)
                         ?? options.FirstOrDefault(p => p.Start <= query.Today && query.Today <= p.End)
                         ?? options.LastOrDefault(p => p.Start <= query.Today)
                         ?? options.FirstOrDefault();
            if (period is null || (query.PeriodId is { } asked && asked != period.Id))
            {
                return null;
            }

            var pupils = await (
                    from e in db.Enrolments.AsNoTracking()
                    where e.ClassId == header.ClassId && e.FromDate <= period.End && (e.ToDate == null || e.ToDate >= period.Start)
                    where header.SubgroupId == null
                          || db.SubgroupMembers.Any(m => m.SubgroupId == header.SubgroupId && m.PupilId == e.PupilId)
                    join p in db.Pupils on e.PupilId equals p.Id
                    orderby p.LastName, p.FirstName, p.MiddleName, e.FromDate
                    select new PupilRow(p.Id, p.LastName + " " + p.FirstName, e.FromDate, e.ToDate))
                .ToListAsync(cancellationToken);

            var lessonsInPeriod = db.Lessons.AsNoTracking()
                .Where(l => l.AssignmentId == header.AssignmentId && l.Date >= period.Start && l.Date <= period.End);
            var lessons = await (
                    from l in lessonsInPeriod
                    join m in db.Memberships on l.SubstituteTeacherId equals (Guid?)m.Id into substitutes
                    from m in substitutes.DefaultIfEmpty()
                    orderby l.Date, l.LessonNumber
                    select new
                    {
                        l.Id, l.Date, l.LessonNumber, l.Topic, l.Homework, l.NoHomework, l.SubstituteTeacherId,
                        SubstituteLast = m == null ? null : m.LastName, SubstituteFirst = m == null ? null : m.FirstName,
                        SubstituteMiddle = m == null ? null : m.MiddleName,
                    })
                .ToListAsync(cancellationToken);
            var works = await (
                    from w in db.Works.AsNoTracking()
                    join l in lessonsInPeriod on w.LessonId equals l.Id
                    join k in db.WorkKinds on w.KindId equals k.Id
                    orderby k.SortOrder, w.Id
                    select new { w.Id, w.LessonId, Kind = k.Name, w.Weight })
                .ToListAsync(cancellationToken);
            var marks = await (
                    from m in db.Marks.AsNoTracking()
                    join w in db.Works on m.WorkId equals w.Id
                    join l in lessonsInPeriod on w.LessonId equals l.Id
                    select new { m.PupilId, m.WorkId, m.Value })
                .ToListAsync(cancellationToken);
            var absences = await (
                    from a in db.Absences.AsNoTracking()
                    join l in lessonsInPeriod on a.LessonId equals l.Id
                    select new { a.PupilId, a.LessonId, a.Kind })
                .ToListAsync(cancellationToken);
            var defaultKind = await db.WorkKinds.AsNoTracking().OrderBy(k => k.SortOrder).Select(k => k.Name)
                .FirstOrDefaultAsync(cancellationToken) ?? "Работа на уроке";

            var worksByLesson = works.ToLookup(w => w.LessonId);
            var columns = lessons.Select(l =>
                {
                    var own = worksByLesson[l.Id].Select(w => new WorkColumn(w.Id, w.Kind, w.Weight)).ToList();
                    var mine = header.IsOwner || l.SubstituteTeacherId == query.TeacherId;
                    return new LessonColumn(
                        l.Id, l.Date, l.LessonNumber, l.Topic, l.Homework, l.NoHomework,
                        own.Count > 0 ? own : [new WorkColumn(null, defaultKind, 1m)],
                        mine
                            ? EditLock.CanEdit(l.Date, query.Today, query.LockDays)
                            : EditDecision.Refuse($"Урок {l.Date:dd.MM} ведёт учитель журнала: вы заполняете только уроки, на которых заменяли."),
                        l.Date <= query.Today,
                        l.SubstituteLast is { } last ? PersonName.WithInitials(last, l.SubstituteFirst!, l.SubstituteMiddle) : null,
                        mine);
                })
                .ToList();
            return new Model(
                header,
                options,
                period,
                columns,
                pupils,
                marks.ToDictionary(m => (m.PupilId, m.WorkId), m => m.Value.Code),
                absences.ToDictionary(a => (a.PupilId, a.LessonId), a => a.Kind.Code()),
                defaultKind);
        }
    }
}
