using Journal.Domain.Attestation;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data.Queries;

/// <summary>LCK-2: correction requests as the teacher's list and the Deputy's list show them, in one query.</summary>
public static class CorrectionRows
{
    /// <param name="LessonDate">The lesson of the cell; null for a period mark (then <paramref name="Attestation"/> says which).</param>
    public sealed record Row(
        Guid Id, int Number, DateTimeOffset RequestedAt, string Teacher, string ClassName, string Subject, DateOnly? LessonDate,
        string Pupil, ChangeTarget Target, string? CurrentValue, string? RequestedValue, CorrectionReason Reason,
        string Explanation, Guid? DocumentFileId, CorrectionStatus Status, string? RegistrationNumber, string? DecisionComment,
        string? AppliedValue, DateTimeOffset? DecidedAt, Guid? LessonId, Guid PupilId, Guid? WorkId,
        AttestationKind? Attestation = null, PeriodKind? PeriodKind = null, int? PeriodNumber = null)
    {
        /// <summary>What is corrected: «урок 12.11.2026» or «отметка за 2-ю четверть», «годовая отметка»…</summary>
        public string What => LessonDate is { } date
            ? $"урок {date:dd.MM.yyyy}"
            : Attestation switch
            {
                AttestationKind.Year => "годовая отметка",
                AttestationKind.Exam => "экзаменационная отметка",
                AttestationKind.Final => "итоговая отметка",
                _ => PeriodKind switch
                {
                    Domain.Organization.PeriodKind.Quarter => $"отметка за {PeriodNumber}-ю четверть",
                    Domain.Organization.PeriodKind.Trimester => $"отметка за {PeriodNumber}-й триместр",
                    _ => $"отметка за {PeriodNumber}-е полугодие",
                },
            };
    }

    public static Task<List<Row>> ListAsync(
        JournalDbContext db, IQueryable<CorrectionRequest> requests, int take, CancellationToken cancellationToken) =>
        Project(db, requests)
            .Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>Pending first (oldest first), then decided (newest first).</summary>
    public static IQueryable<Row> Project(JournalDbContext db, IQueryable<CorrectionRequest> requests) =>
        from r in requests.AsNoTracking()
        from l in db.Lessons.Where(l => l.Id == r.LessonId).DefaultIfEmpty()
        from a in db.TeachingAssignments.Where(a => l != null && a.Id == l.AssignmentId).DefaultIfEmpty()
        from c in db.Classes.Where(c => c.Id == (a == null ? r.ClassId : a.ClassId))
        from s in db.Subjects.Where(s => s.Id == (a == null ? r.SubjectId : a.SubjectId))
        from sp in db.StudyPeriods.Where(sp => sp.Id == r.StudyPeriodId).DefaultIfEmpty()
        join p in db.Pupils on r.PupilId equals p.Id
        join t in db.Memberships on r.RequestedById equals t.Id
        orderby r.Status == CorrectionStatus.Pending ? 0 : 1, r.Status == CorrectionStatus.Pending ? r.Number : -r.Number
        select new Row(
            r.Id, r.Number, r.RequestedAt, t.LastName + " " + t.FirstName + " " + (t.MiddleName ?? ""), c.Grade + c.Letter, s.Name,
            l == null ? null : l.Date, p.LastName + " " + p.FirstName, r.Target, r.CurrentValue, r.RequestedValue, r.Reason,
            r.Explanation, r.DocumentFileId, r.Status, r.RegistrationNumber, r.DecisionComment, r.AppliedValue, r.DecidedAt, r.LessonId,
            r.PupilId, r.WorkId, r.Attestation, sp == null ? null : sp.Kind, sp == null ? null : sp.Number);

    public static string Describe(CorrectionReason reason) => reason switch
    {
        CorrectionReason.PupilIllness => "болезнь ученика (медицинская справка)",
        CorrectionReason.ValidReason => "иная уважительная причина (документ)",
        CorrectionReason.Retake => "пересдача (протокол пересдачи)",
        _ => "болезнь учителя",
    };

    public static string Describe(CorrectionStatus status) => status switch
    {
        CorrectionStatus.Pending => "на рассмотрении",
        CorrectionStatus.Applied => "одобрена, исправление внесено",
        _ => "отклонена",
    };
}
