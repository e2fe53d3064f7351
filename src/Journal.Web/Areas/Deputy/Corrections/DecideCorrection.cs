using FluentValidation;
using Journal.Domain.Lessons;
using Journal.Domain.Schools;
using Journal.Web.Areas.Teacher.Journal;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Journal.Web.Attestation;
using Journal.Web.Entries;

namespace Journal.Web.Areas.Deputy.Corrections;

/// <summary>
/// LCK-2, the Deputy's side: approve a correction request with a registration number and enter the change
/// (past the lock, on the ground of the request, in the history), or reject it with a reason.
/// </summary>
public static class DecideCorrection
{
    public sealed class ApproveForm
    {
        public string? RegistrationNumber { get; set; }

        /// <summary>The value to enter, as in a journal cell; prefilled with what the teacher asked for.</summary>
        public string? Value { get; set; }

        public string? Comment { get; set; }
    }

    public sealed class RejectForm
    {
        public string? Comment { get; set; }
    }

    public sealed class ApproveValidator : AbstractValidator<ApproveForm>
    {
        public ApproveValidator()
        {
            RuleFor(x => x.RegistrationNumber).NotEmpty().WithMessage("Укажите регистрационный номер заявки.")
                .MaximumLength(50).WithMessage("Регистрационный номер длиннее 50 знаков.");
            RuleFor(x => x.Value).MaximumLength(5).WithMessage("Слишком длинное значение.");
            RuleFor(x => x.Comment).MaximumLength(1000).WithMessage("Комментарий длиннее 1000 знаков.");
        }
    }

    public sealed class RejectValidator : AbstractValidator<RejectForm>
    {
        public RejectValidator()
        {
            RuleFor(x => x.Comment).NotEmpty().WithMessage("Напишите, почему заявка отклонена.")
                .MaximumLength(1000).WithMessage("Комментарий длиннее 1000 знаков.");
        }
    }

    public sealed record Model(CorrectionRows.Row Request, string CellNow);

    public sealed class Handler(JournalDbContext db, SaveCell.Handler cells, SetAttestationMarks.Handler periodMarks, SchoolClock clock)
    {
        public async Task<Model?> Load(Guid id, CancellationToken cancellationToken)
        {
            var row = await CorrectionRows.Project(db, db.CorrectionRequests.Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            if (row.Target == ChangeTarget.PeriodMark)
            {
                var request = await db.CorrectionRequests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
                var now = await db.PeriodMarks.AsNoTracking()
                    .Where(m => m.PupilId == request.PupilId && m.SubjectId == request.SubjectId && m.AcademicYearId == request.AcademicYearId
                                && m.Kind == request.Attestation && m.StudyPeriodId == request.StudyPeriodId)
                    .Select(m => m.Value).SingleOrDefaultAsync(cancellationToken);
                return new Model(row, now ?? "");
            }

            var mark = await db.Marks.AsNoTracking()
                .Where(m => m.PupilId == row.PupilId && m.WorkId == row.WorkId)
                .Select(m => (MarkValue?)m.Value).SingleOrDefaultAsync(cancellationToken);
            var absence = await db.Absences.AsNoTracking()
                .Where(a => a.PupilId == row.PupilId && a.LessonId == row.LessonId)
                .Select(a => (AttendanceKind?)a.Kind).SingleOrDefaultAsync(cancellationToken);
            return new Model(row, mark?.Code ?? absence?.Code() ?? "");
        }

        /// <summary>Enters the change and marks the request approved, in one transaction; or the Russian reason not.</summary>
        public Task<string?> Approve(Guid id, ApproveForm form, Guid deputyId, SchoolSettings settings, CancellationToken cancellationToken) =>
            Decide(id, async request =>
            {
                var ground = request.Reason == CorrectionReason.Retake ? ChangeGround.Retake : ChangeGround.Correction;
                if (request.Target == ChangeTarget.PeriodMark)
                {
                    var (applied, refused) = await periodMarks.ApplyCorrectionAsync(
                        request, form.Value, deputyId, ground, settings.AllowMarkOne, cancellationToken);
                    if (refused is not null)
                    {
                        return refused;
                    }

                    Approved(request, form, applied);
                    return null;
                }

                // An empty value clears what the cell shows (its mark, else the absence): only if that is still
                // what the request was about, so a stale request never clears something else.
                if (string.IsNullOrWhiteSpace(form.Value))
                {
                    var hasMark = request.WorkId is { } workId
                                  && await db.Marks.AnyAsync(m => m.WorkId == workId && m.PupilId == request.PupilId, cancellationToken);
                    if ((hasMark ? ChangeTarget.Mark : ChangeTarget.Absence) != request.Target)
                    {
                        return "С подачи заявки клетка изменилась: очистка удалила бы другое. Внесите значение или отклоните заявку.";
                    }
                }

                await cells.LockLessonAsync(request.LessonId!.Value, cancellationToken);
                var result = await cells.ApplyAsync(
                    new SaveCell.Command(request.Id, request.LessonId.Value, request.WorkId, request.PupilId, form.Value),
                    new SaveCell.Writer(deputyId, ground, request.Id), settings, cancellationToken);
                if (!result.Found || result.Error is not null)
                {
                    return result.Error ?? "Урок или ученик не найдены.";
                }

                Approved(request, form, result.Value.Length == 0 ? null : result.Value);
                return null;
            }, deputyId, cancellationToken);

        private static void Approved(CorrectionRequest request, ApproveForm form, string? applied)
        {
            request.Status = CorrectionStatus.Applied;
            request.RegistrationNumber = form.RegistrationNumber!.Trim();
            request.DecisionComment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
            request.AppliedValue = applied;
        }

        public Task<string?> Reject(Guid id, RejectForm form, Guid deputyId, CancellationToken cancellationToken) =>
            Decide(id, request =>
            {
                request.Status = CorrectionStatus.Rejected;
                request.DecisionComment = form.Comment!.Trim();
                return Task.FromResult<string?>(null);
            }, deputyId, cancellationToken);

        private async Task<string?> Decide(
            Guid id, Func<CorrectionRequest, Task<string?>> decide, Guid deputyId, CancellationToken cancellationToken)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // FOR UPDATE: two deputies deciding the same request at once decide it once.
                var request = await db.CorrectionRequests
                    .FromSql($"SELECT * FROM correction_requests WHERE id = {id} FOR UPDATE")
                    .SingleOrDefaultAsync(cancellationToken);
                if (request is null)
                {
                    return "Заявка не найдена.";
                }

                if (request.Status != CorrectionStatus.Pending)
                {
                    return $"Заявка № {request.Number} уже рассмотрена.";
                }

                // LCK-2: approval is someone else's: a Deputy who also teaches doesn't decide their own request.
                if (request.RequestedById == deputyId)
                {
                    return "Свою заявку рассматривает другой заместитель директора или директор.";
                }

                if (await decide(request) is { } error)
                {
                    return error;
                }

                request.DecidedById = deputyId;
                request.DecidedAt = clock.Now.ToUniversalTime();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return null;
            });
        }
    }
}
