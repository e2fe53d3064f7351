using Journal.Domain.Attestation;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.Policies;
using Journal.Web.Data;
using Journal.Web.Forecasts;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Diary;

/// <summary>
/// DRY-1, GRD-5: one subject of one pupil for a study period: every mark with its date, kind of work and weight, the
/// average and the mark it gives (<see cref="Grading.Propose"/> through <see cref="ClassForecast.Forecast"/>), the
/// period marks set so far and the year, exam and final marks (period_marks). Four queries whatever the period.
/// </summary>
public static class DiarySubject
{
    /// <param name="PupilId">The pupil; the caller has already checked the user may see them.</param>
    /// <param name="PeriodId">The study period; null for today's (or the last one begun).</param>
    public sealed record Query(Guid PupilId, Guid SubjectId, Guid? PeriodId, DateOnly Today, GradingSettings Settings);

    public sealed record PeriodOption(Guid Id, string Name, DateOnly Start, DateOnly End);

    public sealed record MarkLine(DateOnly Date, string Value, string Kind, decimal Weight, string? Comment);

    /// <summary>A mark of the attestation: «1-я четверть», «Годовая»…, its code and the teacher's comment.</summary>
    public sealed record SetMark(string Name, string Value, string? Comment);

    public sealed record Model(
        Guid SubjectId, string Subject, string ClassName, int Grade, IReadOnlyList<PeriodOption> Periods, PeriodOption Period,
        IReadOnlyList<MarkLine> Marks, ClassForecast.SubjectForecast Forecast, IReadOnlyList<SetMark> PeriodMarks,
        IReadOnlyList<SetMark> YearMarks)
    {
        /// <summary>JRN-4: grade 1 gets no marks.</summary>
        public bool MarksGiven => Grade > 1;

        /// <summary>GRD-5: the forecast is for a period under way or just ended, not for a period still ahead.</summary>
        public bool HasBegun { get; init; }
    }

    public sealed class Handler(JournalDbContext db)
    {
        /// <summary>Null when the pupil has no such subject in their class (or the period is not of their grade): 404.</summary>
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var today = query.Today;
            var pupilId = query.PupilId;
            // The class of today, or the last one the pupil was in (the summer after the year); the subject must be
            // one they learn there (for a split subject: in their own group).
            var head = await (
                    from e in db.Enrolments.AsNoTracking()
                    where e.PupilId == pupilId && e.FromDate <= today
                    join c in db.Classes on e.ClassId equals c.Id
                    from s in db.Subjects.Where(s => s.Id == query.SubjectId)
                    orderby e.ToDate == null || e.ToDate >= today descending, e.FromDate descending
                    select new
                    {
                        ClassId = c.Id,
                        ClassName = c.Grade + c.Letter,
                        c.Grade,
                        c.AcademicYearId,
                        SubjectId = s.Id,
                        Subject = s.Name,
                        s.IsPassFail,
                        s.RequiresControlWork,
                        Learns = db.TeachingAssignments.Any(a => a.ClassId == c.Id && a.SubjectId == s.Id
                            && (a.SubgroupId == null || db.SubgroupMembers.Any(m => m.SubgroupId == a.SubgroupId && m.PupilId == pupilId))),
                    })
                .FirstOrDefaultAsync(cancellationToken);
            if (head is not { Learns: true })
            {
                return null;
            }

            var periods = await db.StudyPeriods.AsNoTracking()
                .Where(p => p.AcademicYearId == head.AcademicYearId
                            && db.GradePeriodKinds.Any(k => k.AcademicYearId == head.AcademicYearId && k.Grade == head.Grade && k.Kind == p.Kind))
                .OrderBy(p => p.StartDate)
                .Select(p => new { p.Id, p.Kind, p.Number, p.StartDate, p.EndDate })
                .ToListAsync(cancellationToken);
            var chosen = query.PeriodId is { } asked
                ? periods.Find(p => p.Id == asked)
                : periods.Find(p => p.StartDate <= today && today <= p.EndDate)
                  ?? periods.LastOrDefault(p => p.StartDate <= today) ?? periods.FirstOrDefault();
            if (chosen is null)
            {
                return null;
            }

            var options = periods
                .Select(p => new PeriodOption(p.Id, new StudyPeriod { Kind = p.Kind, Number = p.Number }.Name, p.StartDate, p.EndDate))
                .ToList();
            var period = options.Single(p => p.Id == chosen.Id);

            // The pupil's marks in the subject whatever the class: one who moved keeps the marks of the old class.
            var marks = await (
                    from m in db.Marks.AsNoTracking()
                    where m.PupilId == pupilId
                    join w in db.Works on m.WorkId equals w.Id
                    join l in db.Lessons on w.LessonId equals l.Id
                    where l.Date >= period.Start && l.Date <= period.End
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where a.SubjectId == head.SubjectId
                    join k in db.WorkKinds on w.KindId equals k.Id
                    orderby l.Date, l.LessonNumber, k.SortOrder, w.Id
                    select new { l.Date, m.Value, Kind = k.Name, w.Weight, k.IsControl, m.Comment })
                .ToListAsync(cancellationToken);
            var set = await db.PeriodMarks.AsNoTracking()
                .Where(m => m.PupilId == pupilId && m.SubjectId == head.SubjectId && m.AcademicYearId == head.AcademicYearId)
                .Select(m => new { m.Kind, m.StudyPeriodId, m.Value, m.Comment })
                .ToListAsync(cancellationToken);

            var forecast = ClassForecast.Forecast(
                head.SubjectId, head.Subject, head.IsPassFail, head.RequiresControlWork,
                [.. marks.Select(m => new WeightedMark(m.Value, m.Weight, m.IsControl))], chosen.Kind, query.Settings);
            var periodMarks = options
                .Select(p => set.Find(m => m.Kind == AttestationKind.Period && m.StudyPeriodId == p.Id) is { } m
                    ? new SetMark(p.Name, m.Value, m.Comment)
                    : null)
                .OfType<SetMark>()
                .ToList();
            var yearMarks = new[] { AttestationKind.Year, AttestationKind.Exam, AttestationKind.Final }
                .Select(kind => set.Find(m => m.Kind == kind) is { } m ? new SetMark(Name(kind), m.Value, m.Comment) : null)
                .OfType<SetMark>()
                .ToList();
            return new Model(
                head.SubjectId, head.Subject, head.ClassName, head.Grade, options, period,
                head.Grade > 1 ? [.. marks.Select(m => new MarkLine(m.Date, m.Value.Code, m.Kind, m.Weight, m.Comment))] : [],
                forecast, periodMarks, yearMarks)
            {
                HasBegun = period.Start <= today,
            };
        }

        private static string Name(AttestationKind kind) => kind switch
        {
            AttestationKind.Year => "Годовая",
            AttestationKind.Exam => "Экзамен",
            _ => "Итоговая",
        };
    }
}
