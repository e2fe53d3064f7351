using Journal.Domain.Attestation;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.Policies;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Attestation;

/// <summary>
/// GRD-1..GRD-4: the period-marks page of one subject in one class (or one subgroup's pupils): for a study period, each
/// pupil's marks count, average, the proposal and the mark set; for the year, the period marks, the year mark and, in the
/// leaving grades, the exam and final marks. Used by the subject teacher and by the class teacher (seed 000 §4.5).
/// Five queries whatever the class size.
/// </summary>
public static class AttestationSheet
{
    /// <summary>Whose marks: the pupils of a class in a subject, or of one subgroup of it.</summary>
    public sealed record Scope(Guid ClassId, Guid SubjectId, Guid? SubgroupId);

    /// <param name="PeriodId">The study period; null for the year page (or, when <paramref name="Year"/> is false, today's period).</param>
    public sealed record Query(Scope Scope, Guid? PeriodId, bool Year, DateOnly Today, SchoolSettings Settings);

    public sealed record Header(
        Guid ClassId, string ClassName, int Grade, Guid SubjectId, string Subject, bool IsPassFail, bool RequiresControlWork,
        Guid? SubgroupId, string? Subgroup, Guid YearId);

    /// <param name="ShortName">For a narrow column: «1 ч.», «2 тр.», «1 п/г».</param>
    public sealed record PeriodOption(Guid Id, string Name, string ShortName, DateOnly Start, DateOnly End);

    /// <summary>A mark set (or not) for one pupil and kind, with what the system proposes for it.</summary>
    /// <param name="Proposal">«4», «н/а»…; null when nothing is proposed (exam marks, pass/fail subjects, no period marks yet).</param>
    public sealed record Cell(
        AttestationKind Kind, string? Value, string? Comment, bool IsLate, string? Proposal, string? ProposalNote)
    {
        /// <summary>GRD-4: a mark set apart from the proposal needs a comment.</summary>
        public bool DiffersFromProposal(string? value) => Proposal is not null && value is not null && value != Proposal;
    }

    public sealed record Row(
        Guid PupilId, string Name, DateOnly? Left, PeriodMarkProposal? Average,
        IReadOnlyList<string?> PeriodMarks, IReadOnlyDictionary<AttestationKind, Cell> Cells)
    {
        /// <summary>A pupil who left the class before the end of the period gets no mark here.</summary>
        public bool IsInClass => Left is null;
    }

    public sealed record Model(
        Header Header,
        IReadOnlyList<PeriodOption> Periods,
        PeriodOption? Period,
        DateOnly End,
        EditDecision Edit,
        bool IsLate,
        IReadOnlyList<AttestationKind> Columns,
        IReadOnlyList<string> Choices,
        IReadOnlyList<Row> Rows,
        int MinimumMarks,
        GradingSettings Grading)
    {
        public bool IsYear => Period is null;

        /// <summary>LCK-1: past the lock, a change goes through a correction request (LCK-2).</summary>
        public bool IsLocked { get; init; }

        public string Title => Period?.Name ?? "Год";

        /// <summary>JRN-4: grade 1 gets no marks.</summary>
        public bool MarksAllowed => Header.Grade > 1;
    }

    /// <summary>Exam and final (итоговые) marks are set in the leaving grades: 9 (ОГЭ) and 11 (ЕГЭ).</summary>
    public static bool HasExams(int grade) => grade is 9 or 11;

    public static string Name(AttestationKind kind) => kind switch
    {
        AttestationKind.Year => "Годовая",
        AttestationKind.Exam => "Экзамен",
        AttestationKind.Final => "Итоговая",
        _ => "За период",
    };

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            var scope = query.Scope;
            var header = await (
                    from c in db.Classes.AsNoTracking()
                    where c.Id == scope.ClassId
                    from s in db.Subjects.Where(s => s.Id == scope.SubjectId)
                    from g in db.Subgroups.Where(g => g.Id == scope.SubgroupId && g.ClassId == c.Id && g.SubjectId == s.Id).DefaultIfEmpty()
                    select new Header(
                        c.Id, c.Grade + c.Letter, c.Grade, s.Id, s.Name, s.IsPassFail, s.RequiresControlWork,
                        g == null ? null : g.Id, g == null ? null : g.Name, c.AcademicYearId))
                .SingleOrDefaultAsync(cancellationToken);
            if (header is null || (scope.SubgroupId is not null && header.SubgroupId is null))
            {
                return null;
            }

            var periods = await db.StudyPeriods.AsNoTracking()
                .Where(p => p.AcademicYearId == header.YearId
                            && db.GradePeriodKinds.Any(k => k.AcademicYearId == header.YearId && k.Grade == header.Grade && k.Kind == p.Kind))
                .OrderBy(p => p.Number)
                .Select(p => new { p.Id, p.Kind, p.Number, p.StartDate, p.EndDate })
                .ToListAsync(cancellationToken);
            if (periods.Count == 0)
            {
                return null;
            }

            var options = periods
                .Select(p => new PeriodOption(
                    p.Id, new StudyPeriod { Kind = p.Kind, Number = p.Number }.Name,
                    p.Number + (p.Kind switch { PeriodKind.Quarter => " ч.", PeriodKind.Trimester => " тр.", _ => " п/г" }),
                    p.StartDate, p.EndDate))
                .ToList();
            PeriodOption? period = null;
            if (!query.Year)
            {
                period = query.PeriodId is { } asked
                    ? options.Find(p => p.Id == asked)
                    : options.Find(p => p.Start <= query.Today && query.Today <= p.End)
                      ?? options.LastOrDefault(p => p.Start <= query.Today) ?? options[0];
                if (period is null)
                {
                    return null;
                }
            }

            var (start, end) = period is null ? (options[0].Start, options[^1].End) : (period.Start, period.End);
            var pupils = await (
                    from e in db.Enrolments.AsNoTracking()
                    where e.ClassId == header.ClassId && e.FromDate <= end && (e.ToDate == null || e.ToDate >= start)
                    where header.SubgroupId == null
                          || db.SubgroupMembers.Any(m => m.SubgroupId == header.SubgroupId && m.PupilId == e.PupilId)
                    join p in db.Pupils on e.PupilId equals p.Id
                    orderby p.LastName, p.FirstName, p.MiddleName, e.FromDate
                    select new { p.Id, Name = p.LastName + " " + p.FirstName, e.ToDate })
                .ToListAsync(cancellationToken);
            // A pupil who came back to the class has two enrolments: one row, with the latest.
            var rows = pupils.GroupBy(p => p.Id)
                .Select(g => (g.Key, g.Last().Name, Left: g.Last().ToDate is { } to && to < end ? to : (DateOnly?)null))
                .ToList();
            var pupilIds = rows.Select(r => r.Key).ToList();

            var setMarks = await db.PeriodMarks.AsNoTracking()
                .Where(m => m.SubjectId == header.SubjectId && m.AcademicYearId == header.YearId && pupilIds.Contains(m.PupilId))
                .Select(m => new { m.PupilId, m.Kind, m.StudyPeriodId, m.Value, m.Comment, m.IsLate })
                .ToListAsync(cancellationToken);

            var grading = query.Settings.Grading;
            ILookup<Guid, WeightedMark> marks = Enumerable.Empty<WeightedMark>().ToLookup(_ => Guid.Empty);
            if (period is not null)
            {
                marks = (await (
                        from m in db.Marks.AsNoTracking()
                        join w in db.Works on m.WorkId equals w.Id
                        join k in db.WorkKinds on w.KindId equals k.Id
                        join l in db.Lessons on w.LessonId equals l.Id
                        join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                        where a.ClassId == header.ClassId && a.SubjectId == header.SubjectId
                              && l.Date >= period.Start && l.Date <= period.End && pupilIds.Contains(m.PupilId)
                        select new { m.PupilId, m.Value, w.Weight, k.IsControl })
                    .ToListAsync(cancellationToken))
                    .ToLookup(m => m.PupilId, m => new WeightedMark(m.Value, m.Weight, m.IsControl));
            }

            var kind = periods[0].Kind;
            var decisionEnd = period?.End ?? options[^1].End;
            var columns = period is not null ? [AttestationKind.Period]
                : HasExams(header.Grade) ? new[] { AttestationKind.Year, AttestationKind.Exam, AttestationKind.Final }
                : [AttestationKind.Year];
            var byPupil = setMarks.ToLookup(m => m.PupilId);
            var result = rows.Select(r =>
                {
                    var mine = byPupil[r.Key].ToList();
                    string? Set(AttestationKind k, Guid? periodId = null) =>
                        mine.Find(m => m.Kind == k && m.StudyPeriodId == periodId)?.Value;
                    Cell CellOf(AttestationKind k, Guid? periodId, string? proposal, string? note)
                    {
                        var m = mine.Find(x => x.Kind == k && x.StudyPeriodId == periodId);
                        return new Cell(k, m?.Value, m?.Comment, m?.IsLate ?? false, proposal, note);
                    }

                    var periodMarks = options.Select(p => Set(AttestationKind.Period, p.Id)).ToList();
                    if (period is not null)
                    {
                        var proposal = header.IsPassFail
                            ? null
                            : Grading.Propose([.. marks[r.Key]], kind, grading, header.RequiresControlWork);
                        var cell = CellOf(
                            AttestationKind.Period, period.Id,
                            proposal is null ? null : proposal.Mark?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? AttestationMark.NotAttested,
                            proposal?.Reason);
                        return new Row(r.Key, r.Name, r.Left, proposal, periodMarks, new Dictionary<AttestationKind, Cell> { [AttestationKind.Period] = cell });
                    }

                    // GRD-4: the year from the period marks; the final from the year and the exam, by the same rounding.
                    var year = ProposeFrom(periodMarks, grading, header.IsPassFail);
                    var yearSet = Set(AttestationKind.Year);
                    var exam = Set(AttestationKind.Exam);
                    var final = yearSet is null ? null : ProposeFrom([yearSet, exam], grading, header.IsPassFail);
                    var cells = new Dictionary<AttestationKind, Cell>
                    {
                        [AttestationKind.Year] = CellOf(AttestationKind.Year, null, year?.Code, year?.Note),
                        [AttestationKind.Exam] = CellOf(AttestationKind.Exam, null, null, null),
                        [AttestationKind.Final] = CellOf(AttestationKind.Final, null, final?.Code, final?.Note),
                    };
                    return new Row(r.Key, r.Name, r.Left, null, periodMarks, cells);
                })
                .ToList();

            var edit = PeriodMarkDeadline.CanSet(decisionEnd, query.Today, grading);
            if (period is null && query.Today < PeriodMarkDeadline.Opens(decisionEnd, grading))
            {
                edit = EditDecision.Refuse(
                    $"Годовые{(HasExams(header.Grade) ? ", экзаменационные и итоговые" : "")} отметки ставят в последнюю неделю учебного года: " +
                    $"с {PeriodMarkDeadline.Opens(decisionEnd, grading):dd.MM.yyyy} по {decisionEnd:dd.MM.yyyy}.");
            }

            return new Model(
                header,
                options,
                period,
                decisionEnd,
                edit,
                PeriodMarkDeadline.IsLate(decisionEnd, query.Today, grading),
                columns,
                AttestationMark.Choices(header.IsPassFail, query.Settings.AllowMarkOne),
                result,
                grading.MinimumMarks(kind),
                grading)
            {
                IsLocked = query.Today > PeriodMarkDeadline.LastEditableDay(decisionEnd, grading),
            };
        }

        /// <summary>
        /// The year (or final) proposal from marks already set: their plain mean rounded by the school's thresholds
        /// (<see cref="Grading.ProposeYear"/>). Nothing is proposed before any mark is set, nor for a pass/fail subject.
        /// </summary>
        private static (string Code, string? Note)? ProposeFrom(IReadOnlyList<string?> set, GradingSettings grading, bool passFail)
        {
            if (passFail || set.All(s => s is null))
            {
                return null;
            }

            if (set.Where(s => s is not null).All(s => s == AttestationMark.Exempt))
            {
                return (AttestationMark.Exempt, null);
            }

            var proposal = Grading.ProposeYear([.. set.Where(s => s is not null).Select(AttestationMark.Number)], grading);
            return proposal.Mark is { } mark
                ? (mark.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    proposal.Average is { } a ? $"среднее {a.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("ru-RU"))}" : null)
                : (AttestationMark.NotAttested, proposal.Reason);
        }
    }
}
