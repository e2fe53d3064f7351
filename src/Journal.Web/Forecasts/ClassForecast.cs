using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.Policies;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Forecasts;

/// <summary>
/// GRD-5: the forecast of a class (or of one pupil of it) for the current study period of its grade: per pupil and
/// subject the marks so far, the average and the mark it gives (<see cref="Grading.Propose"/>), «н/а» with its
/// reason, and how many «5» or «4» in a row lift it (<see cref="Grading.MarksToRaise"/>). Shared by the pupil's,
/// the parent's and the class teacher's pages. Six queries whatever the class size: the marks of the whole class
/// come in one and are grouped in memory.
/// </summary>
public static class ClassForecast
{
    /// <param name="ClassId">The class; the caller has already checked the user may see it.</param>
    /// <param name="PupilId">Only this pupil (the diary); null for the whole class (the class teacher).</param>
    /// <param name="Today">The school's today (TEN-4): it picks the period.</param>
    public sealed record Query(Guid ClassId, Guid? PupilId, DateOnly Today, GradingSettings Settings);

    public sealed record Period(string Name, PeriodKind Kind, DateOnly Start, DateOnly End);

    /// <summary>
    /// One subject of one pupil. <see cref="Proposal"/> is null for a pass/fail subject, which has only its
    /// «зачёт» and «незачёт» counts.
    /// </summary>
    public sealed record SubjectForecast(
        Guid SubjectId, string Subject, bool IsPassFail, int Passes, int Fails, PeriodMarkProposal? Proposal,
        int? FivesToRaise, int? FoursToRaise)
    {
        /// <summary>The mark the average gives now; null with no mark yet or for a pass/fail subject.</summary>
        public int? Forecast => Proposal?.AverageMark;

        public bool IsAtRisk => Proposal is { } proposal && ForecastGroups.IsAtRisk(proposal);
    }

    public sealed record PupilForecast(Guid Id, string Name, IReadOnlyList<SubjectForecast> Subjects)
    {
        /// <summary>Subjects with a 2–5 scale; pass/fail subjects have no forecast.</summary>
        public IReadOnlyList<SubjectForecast> Graded => [.. Subjects.Where(s => s.Proposal is not null)];

        /// <summary>«Группа риска»: the subjects with a forecast «2» or «н/а».</summary>
        public IReadOnlyList<SubjectForecast> Risks => [.. Graded.Where(s => s.IsAtRisk)];

        /// <summary>«С одной «3»»: the one subject forecast «3», every other «4» or «5»; null otherwise.</summary>
        public SubjectForecast? OneThree => TheOne(3);

        /// <summary>«С одной «4»»: the one subject forecast «4», every other «5»; null otherwise.</summary>
        public SubjectForecast? OneFour => TheOne(4);

        private SubjectForecast? TheOne(int mark)
        {
            var graded = Graded;
            return ForecastGroups.TheOne([.. graded.Select(s => s.Proposal!)], mark) is { } i ? graded[i] : null;
        }
    }

    /// <param name="Period">The current period; null before the first period of the year has started.</param>
    public sealed record Model(Guid ClassId, string ClassName, int Grade, Period? Period, IReadOnlyList<PupilForecast> Pupils)
    {
        /// <summary>JRN-4: no marks in grade 1, so nothing to forecast.</summary>
        public bool MarksGiven => Grade > 1;
    }

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var schoolClass = await db.Classes.AsNoTracking()
                .Where(c => c.Id == query.ClassId)
                .Select(c => new { c.Id, c.Grade, Name = c.Grade + c.Letter, c.AcademicYearId })
                .SingleOrDefaultAsync(cancellationToken);
            if (schoolClass is null)
            {
                return null;
            }

            if (schoolClass.Grade <= 1)
            {
                return new Model(schoolClass.Id, schoolClass.Name, schoolClass.Grade, null, []);
            }

            var periods = await db.StudyPeriods.AsNoTracking()
                .Where(p => p.AcademicYearId == schoolClass.AcademicYearId
                            && db.GradePeriodKinds.Any(k => k.AcademicYearId == schoolClass.AcademicYearId
                                                           && k.Grade == schoolClass.Grade && k.Kind == p.Kind))
                .OrderBy(p => p.StartDate)
                .Select(p => new { p.Kind, p.Number, p.StartDate, p.EndDate })
                .ToListAsync(cancellationToken);
            var today = query.Today;
            // In the holidays between periods, the period just ended is still the one to look at.
            var current = periods.FirstOrDefault(p => p.StartDate <= today && today <= p.EndDate)
                          ?? periods.LastOrDefault(p => p.StartDate <= today);
            if (current is null)
            {
                return new Model(schoolClass.Id, schoolClass.Name, schoolClass.Grade, null, []);
            }

            var period = new Period(
                new StudyPeriod { Kind = current.Kind, Number = current.Number }.Name, current.Kind, current.StartDate, current.EndDate);
            var pupils = await Pupils(schoolClass.Id, query.PupilId, period, today).ToListAsync(cancellationToken);
            var subjects = await (
                    from a in db.TeachingAssignments.AsNoTracking()
                    where a.ClassId == schoolClass.Id
                    join s in db.Subjects on a.SubjectId equals s.Id
                    orderby s.Name
                    select new { s.Id, s.Name, s.IsPassFail, s.RequiresControlWork, a.SubgroupId })
                .ToListAsync(cancellationToken);
            var members = (await db.SubgroupMembers.AsNoTracking()
                    .Where(m => db.Subgroups.Any(g => g.Id == m.SubgroupId && g.ClassId == schoolClass.Id))
                    .Where(m => query.PupilId == null || m.PupilId == query.PupilId)
                    .Select(m => new { m.SubgroupId, m.PupilId })
                    .ToListAsync(cancellationToken))
                .Select(m => (m.SubgroupId, m.PupilId)).ToHashSet();
            var marks = (await (
                    from m in db.Marks.AsNoTracking()
                    where query.PupilId == null || m.PupilId == query.PupilId
                    join w in db.Works on m.WorkId equals w.Id
                    join k in db.WorkKinds on w.KindId equals k.Id
                    join l in db.Lessons on w.LessonId equals l.Id
                    where l.Date >= period.Start && l.Date <= period.End
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where a.ClassId == schoolClass.Id
                    select new { m.PupilId, a.SubjectId, m.Value, w.Weight, k.IsControl })
                .ToListAsync(cancellationToken))
                .ToLookup(m => (m.PupilId, m.SubjectId), m => new WeightedMark(m.Value, m.Weight, m.IsControl));

            var bySubject = subjects.GroupBy(s => s.Id).ToList();
            var rows = pupils.Select(pupil => new PupilForecast(
                    pupil.Id,
                    pupil.Name,
                    bySubject
                        // A subject split into subgroups is the pupil's through their own group, and still once.
                        .Where(g => g.Any(a => a.SubgroupId is not { } group || members.Contains((group, pupil.Id))))
                        .Select(g => Forecast(g.First().Id, g.First().Name, g.First().IsPassFail, g.First().RequiresControlWork,
                            [.. marks[(pupil.Id, g.Key)]], period.Kind, query.Settings))
                        .ToList()))
                .ToList();
            return new Model(schoolClass.Id, schoolClass.Name, schoolClass.Grade, period, rows);
        }

        /// <summary>
        /// The class's pupils on the period's day that counts (today, or its last day once it is over); one pupil of
        /// the diary if they were in the class at any time of the period.
        /// </summary>
        private IQueryable<PupilRow> Pupils(Guid classId, Guid? pupilId, Period period, DateOnly today)
        {
            var day = today < period.End ? today : period.End;
            var enrolments = db.Enrolments.AsNoTracking().Where(e => e.ClassId == classId);
            enrolments = pupilId is { } id
                ? enrolments.Where(e => e.PupilId == id && e.FromDate <= period.End && (e.ToDate == null || e.ToDate >= period.Start))
                : enrolments.Where(Enrolled.On(day));
            return from p in db.Pupils.AsNoTracking()
                   where enrolments.Any(e => e.PupilId == p.Id)
                   orderby p.LastName, p.FirstName, p.MiddleName
                   select new PupilRow(p.Id, p.LastName + " " + p.FirstName);
        }

        private sealed record PupilRow(Guid Id, string Name);
    }

    /// <summary>GRD-1..GRD-3 and GRD-5 for one pupil's subject: the domain's functions, nothing recomputed here.</summary>
    public static SubjectForecast Forecast(
        Guid subjectId, string subject, bool isPassFail, bool requiresControlWork, IReadOnlyList<WeightedMark> marks,
        PeriodKind kind, GradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (isPassFail)
        {
            return new SubjectForecast(
                subjectId, subject, true, marks.Count(m => m.Value.Kind == MarkKind.Pass),
                marks.Count(m => m.Value.Kind == MarkKind.Fail), null, null, null);
        }

        return new SubjectForecast(
            subjectId, subject, false, 0, 0,
            Grading.Propose(marks, kind, settings, requiresControlWork),
            Grading.MarksToRaise(marks, 5, settings),
            Grading.MarksToRaise(marks, 4, settings));
    }
}
