using Journal.Domain.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data.Queries;

/// <summary>LCK-2: correction requests as the teacher's list and the Deputy's list show them, in one query.</summary>
public static class CorrectionRows
{
    public sealed record Row(
        Guid Id, int Number, DateTimeOffset RequestedAt, string Teacher, string ClassName, string Subject, DateOnly LessonDate,
        string Pupil, ChangeTarget Target, string? CurrentValue, string? RequestedValue, CorrectionReason Reason,
        string Explanation, Guid? DocumentFileId, CorrectionStatus Status, string? RegistrationNumber, string? DecisionComment,
        string? AppliedValue, DateTimeOffset? DecidedAt, Guid LessonId, Guid PupilId, Guid? WorkId);

    public static Task<List<Row>> ListAsync(
        JournalDbContext db, IQueryable<CorrectionRequest> requests, int take, CancellationToken cancellationToken) =>
        Project(db, requests)
            .Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>Pending first (oldest first), then decided (newest first).</summary>
    public static IQueryable<Row> Project(JournalDbContext db, IQueryable<CorrectionRequest> requests) =>
        from r in requests.AsNoTracking()
        join l in db.Lessons on r.LessonId equals l.Id
        join a in db.TeachingAssignments on l.AssignmentId equals a.Id
        join c in db.Classes on a.ClassId equals c.Id
        join s in db.Subjects on a.SubjectId equals s.Id
        join p in db.Pupils on r.PupilId equals p.Id
        join t in db.Memberships on r.RequestedById equals t.Id
        orderby r.Status == CorrectionStatus.Pending ? 0 : 1, r.Status == CorrectionStatus.Pending ? r.Number : -r.Number
        select new Row(
            r.Id, r.Number, r.RequestedAt, t.LastName + " " + t.FirstName + " " + (t.MiddleName ?? ""), c.Grade + c.Letter, s.Name,
            l.Date, p.LastName + " " + p.FirstName, r.Target, r.CurrentValue, r.RequestedValue, r.Reason, r.Explanation,
            r.DocumentFileId, r.Status, r.RegistrationNumber, r.DecisionComment, r.AppliedValue, r.DecidedAt, r.LessonId,
            r.PupilId, r.WorkId);

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
