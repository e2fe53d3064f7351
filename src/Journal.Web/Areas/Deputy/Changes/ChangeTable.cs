using Journal.Domain;
using Journal.Domain.Attestation;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Deputy.Changes;

/// <summary>
/// LCK-3: the table of changes (таблица изменений) of a class for a study period: every change of a
/// mark or an absence with who, when, old and new value, on what ground, and of the period marks (and, in the last
/// period, of the year, exam and final marks) of the class's pupils. Five queries.
/// </summary>
public static class ChangeTable
{
    public sealed record Query(Guid? ClassId, Guid? PeriodId, DateOnly Today);

    public sealed record Option(Guid Id, string Name);

    /// <param name="LessonDate">The lesson of a mark or absence; null for a period, year, exam or final mark.</param>
    /// <param name="Attestation">For a period mark: which («за период», «годовая»…).</param>
    public sealed record Row(
        DateTimeOffset At, DateOnly? LessonDate, string Subject, string Pupil, ChangeTarget Target, string? OldValue,
        string? NewValue, string Author, ChangeGround Ground, bool IsLate, int? RequestNumber, string? RegistrationNumber,
        AttestationKind? Attestation = null);

    public sealed record Model(
        IReadOnlyList<Option> Classes, Option? Class, IReadOnlyList<Option> Periods, Option? Period, IReadOnlyList<Row> Rows);

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            var yearId = (await CurrentYear.ForAsync(db, query.Today, cancellationToken))?.Id;
            var classes = await db.Classes.AsNoTracking().Where(c => c.AcademicYearId == yearId)
                .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
                .Select(c => new { c.Id, c.Grade, Name = c.Grade + c.Letter })
                .ToListAsync(cancellationToken);
            var chosen = query.ClassId is { } id ? classes.SingleOrDefault(c => c.Id == id) : classes.FirstOrDefault();
            if (query.ClassId is not null && chosen is null)
            {
                return null; // another school's or an unknown class: not found
            }

            var grade = chosen?.Grade ?? 0;
            var periods = (await db.StudyPeriods.AsNoTracking()
                    .Where(p => p.AcademicYearId == yearId
                                && db.GradePeriodKinds.Any(k => k.AcademicYearId == yearId && k.Grade == grade && k.Kind == p.Kind))
                    .OrderBy(p => p.Number)
                    .Select(p => new { p.Id, p.Kind, p.Number, p.StartDate, p.EndDate })
                    .ToListAsync(cancellationToken))
                .Select(p => new { p.Id, p.StartDate, p.EndDate, Name = new StudyPeriod { Kind = p.Kind, Number = p.Number }.Name })
                .ToList();
            var period = query.PeriodId is { } pid
                ? periods.SingleOrDefault(p => p.Id == pid)
                : periods.FirstOrDefault(p => p.StartDate <= query.Today && query.Today <= p.EndDate) ?? periods.LastOrDefault();
            if (query.PeriodId is not null && period is null)
            {
                return null;
            }

            var rows = chosen is null || period is null
                ? []
                : await (
                        from change in db.JournalChanges.AsNoTracking()
                        join l in db.Lessons on change.LessonId equals l.Id
                        where l.Date >= period.StartDate && l.Date <= period.EndDate
                        join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                        where a.ClassId == chosen.Id
                        join s in db.Subjects on a.SubjectId equals s.Id
                        join p in db.Pupils on change.PupilId equals p.Id
                        join m in db.Memberships on change.AuthorId equals m.Id
                        join r in db.CorrectionRequests on change.CorrectionRequestId equals (Guid?)r.Id into requests
                        from r in requests.DefaultIfEmpty()
                        orderby change.At descending
                        select new Row(
                            change.At, l.Date, s.Name, p.LastName + " " + p.FirstName, change.Target, change.OldValue,
                            change.NewValue, m.LastName + " " + m.FirstName + " " + (m.MiddleName ?? ""), change.Ground, change.IsLate,
                            r == null ? null : r.Number, r == null ? null : r.RegistrationNumber))
                    .Take(2000)
                    .ToListAsync(cancellationToken);
            if (chosen is not null && period is not null)
            {
                var last = periods[^1].Id == period.Id;
                var periodMarks = await (
                        from change in db.PeriodMarkChanges.AsNoTracking()
                        where change.StudyPeriodId == period.Id || (last && change.StudyPeriodId == null && change.AcademicYearId == yearId)
                        where db.Enrolments.Any(e => e.PupilId == change.PupilId && e.ClassId == chosen.Id)
                        join s in db.Subjects on change.SubjectId equals s.Id
                        join p in db.Pupils on change.PupilId equals p.Id
                        join m in db.Memberships on change.AuthorId equals m.Id
                        join r in db.CorrectionRequests on change.CorrectionRequestId equals (Guid?)r.Id into requests
                        from r in requests.DefaultIfEmpty()
                        orderby change.At descending
                        select new Row(
                            change.At, null, s.Name, p.LastName + " " + p.FirstName, ChangeTarget.PeriodMark, change.OldValue,
                            change.NewValue, m.LastName + " " + m.FirstName + " " + (m.MiddleName ?? ""), change.Ground, change.IsLate,
                            r == null ? null : r.Number, r == null ? null : r.RegistrationNumber, change.Kind))
                    .Take(2000)
                    .ToListAsync(cancellationToken);
                rows = [.. rows.Concat(periodMarks).OrderByDescending(r => r.At)];
            }

            return new Model(
                classes.Select(c => new Option(c.Id, c.Name)).ToList(),
                chosen is null ? null : new Option(chosen.Id, chosen.Name),
                periods.Select(p => new Option(p.Id, p.Name)).ToList(),
                period is null ? null : new Option(period.Id, period.Name),
                rows);
        }
    }

    public static string Describe(ChangeTarget target) => target switch
    {
        ChangeTarget.Mark => "отметка",
        ChangeTarget.Absence => "посещаемость",
        _ => "отметка за период",
    };

    /// <summary>The table's «урок» column: the lesson's date, or which period mark.</summary>
    public static string When(Row row, string period) => row.LessonDate is { } date
        ? date.ToString("dd.MM", System.Globalization.CultureInfo.InvariantCulture)
        : row.Attestation switch
        {
            AttestationKind.Year => "год",
            AttestationKind.Exam => "экзамен",
            AttestationKind.Final => "итог",
            _ => period,
        };

    /// <summary>The ground as the table prints it: «по заявке № 3 (рег. № 15/11)».</summary>
    public static string Describe(Row row) =>
        row.RequestNumber is { } number
            ? $"{(row.Ground == ChangeGround.Retake ? "пересдача" : "исправление")} по заявке № {number}"
              + (row.RegistrationNumber is { } reg ? $" (рег. № {reg})" : "")
            : Describe(row.Ground);

    public static string Describe(ChangeGround ground) => ground switch
    {
        ChangeGround.Entry => "запись учителя",
        ChangeGround.Correction => "по заявке на исправление",
        _ => "пересдача",
    };

    public static string Show(string? value) => string.IsNullOrEmpty(value) ? "—" : value;

    /// <summary>Initials form of a full name, as a signature in the table: «Орлов А. В.».</summary>
    public static string Signature(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? fullName : PersonName.WithInitials(parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
    }
}
