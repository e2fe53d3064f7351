using FluentValidation;
using Journal.Domain.Lessons;
using Journal.Domain.Policies;
using Journal.Domain.Schools;
using Journal.Web.Areas.Teacher.Journal;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Files;
using Microsoft.EntityFrameworkCore;
using Journal.Web.Entries;

namespace Journal.Web.Areas.Teacher.Corrections;

/// <summary>
/// LCK-2: a teacher asks to change a locked cell (a pupil's mark of one work, or the absence) with a ground
/// from the regulation and an explanation; the Deputy decides (<c>Deputy/Corrections</c>).
/// </summary>
public static class FileCorrection
{
    public sealed record Option(Guid Id, string Name);

    public sealed record Model(
        Guid LessonId, Guid AssignmentId, DateOnly Date, string ClassName, string Subject, int Grade, bool IsPassFail,
        EditDecision Edit, DateOnly Today, IReadOnlyList<Option> Pupils, IReadOnlyList<Option> Works,
        IReadOnlyDictionary<(Guid Pupil, Guid Work), string> Marks, IReadOnlyDictionary<Guid, string> Absences)
    {
        /// <summary>What the cell shows now: the work's mark, else the lesson's absence (as in the grid).</summary>
        public string CurrentValue(Guid pupilId, Guid? workId) =>
            (workId is { } w && Marks.TryGetValue((pupilId, w), out var mark) ? mark : null)
            ?? (Absences.TryGetValue(pupilId, out var absence) ? absence : "");

        /// <summary>A request makes sense only for a past lesson the teacher can no longer change (LCK-1).</summary>
        public bool CanRequest => !Edit.Allowed && Date <= Today;
    }

    public sealed class Form
    {
        public Guid PupilId { get; set; }

        public Guid? WorkId { get; set; }

        /// <summary>As typed in a journal cell: a mark, an attendance code, or empty to clear.</summary>
        public string? Value { get; set; }

        public CorrectionReason? Reason { get; set; }

        public string? Explanation { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.PupilId).NotEmpty().WithMessage("Выберите ученика.");
            RuleFor(x => x.Value).MaximumLength(5).WithMessage("Слишком длинное значение.");
            RuleFor(x => x.Reason).NotNull().WithMessage("Выберите основание исправления.")
                .IsInEnum().WithMessage("Выберите основание исправления.");
            RuleFor(x => x.Explanation).NotEmpty().WithMessage("Опишите причину и подтверждающий документ.")
                .MaximumLength(1000).WithMessage("Пояснение длиннее 1000 знаков.");
        }
    }

    public sealed class Handler(JournalDbContext db, SchoolClock clock, FileStore store, UploadValidator files)
    {
        /// <summary>The lesson as its teacher or substitute sees it, with the pupils and the cells; null if not theirs.</summary>
        public async Task<Model?> Load(Guid lessonId, Guid teacherId, int lockDays, CancellationToken cancellationToken)
        {
            var lesson = await (
                    from l in db.Lessons.AsNoTracking()
                    where l.Id == lessonId
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where a.TeacherId == teacherId || l.SubstituteTeacherId == teacherId
                    join c in db.Classes on a.ClassId equals c.Id
                    join s in db.Subjects on a.SubjectId equals s.Id
                    select new { l.Id, AssignmentId = a.Id, l.Date, a.ClassId, a.SubgroupId, ClassName = c.Grade + c.Letter, Subject = s.Name, c.Grade, s.IsPassFail })
                .SingleOrDefaultAsync(cancellationToken);
            if (lesson is null)
            {
                return null;
            }

            var pupils = await (
                    from e in db.Enrolments.AsNoTracking().Where(Enrolled.On(lesson.Date))
                    where e.ClassId == lesson.ClassId
                    where lesson.SubgroupId == null
                          || db.SubgroupMembers.Any(m => m.SubgroupId == lesson.SubgroupId && m.PupilId == e.PupilId)
                    join p in db.Pupils on e.PupilId equals p.Id
                    orderby p.LastName, p.FirstName, p.MiddleName
                    select new Option(p.Id, p.LastName + " " + p.FirstName))
                .ToListAsync(cancellationToken);
            var works = await (
                    from w in db.Works.AsNoTracking()
                    where w.LessonId == lesson.Id
                    join k in db.WorkKinds on w.KindId equals k.Id
                    orderby k.SortOrder, w.Id
                    select new { w.Id, k.Name, w.Title })
                .ToListAsync(cancellationToken);
            var marks = await db.Marks.AsNoTracking()
                .Where(m => db.Works.Any(w => w.Id == m.WorkId && w.LessonId == lesson.Id))
                .Select(m => new { m.PupilId, m.WorkId, m.Value })
                .ToListAsync(cancellationToken);
            var absences = await db.Absences.AsNoTracking().Where(a => a.LessonId == lesson.Id)
                .Select(a => new { a.PupilId, a.Kind })
                .ToListAsync(cancellationToken);
            return new Model(
                lesson.Id, lesson.AssignmentId, lesson.Date, lesson.ClassName, lesson.Subject, lesson.Grade, lesson.IsPassFail,
                EditLock.CanEdit(lesson.Date, clock.Today, lockDays),
                clock.Today,
                pupils,
                works.Select(w => new Option(w.Id, w.Title is null ? w.Name : $"{w.Name}: {w.Title}")).ToList(),
                marks.ToDictionary(m => (m.PupilId, m.WorkId), m => m.Value.Code),
                absences.ToDictionary(a => a.PupilId, a => a.Kind.Code()));
        }

        /// <summary>Files the request; returns its number, or the Russian reason nothing was filed.</summary>
        public async Task<(int Number, string? Error)> File(
            Model lesson, Form form, UploadBatch upload, Guid teacherId, SchoolSettings settings, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(upload);
            if (!lesson.CanRequest)
            {
                return (0, lesson.Edit.Allowed ? "Урок ещё открыт для изменений: исправьте клетку прямо в журнале." : lesson.Edit.Reason);
            }

            if (lesson.Pupils.All(p => p.Id != form.PupilId))
            {
                return (0, "Ученик не числится в этом классе (группе) на дату урока.");
            }

            if (form.WorkId is { } workId && lesson.Works.All(w => w.Id != workId))
            {
                return (0, "У этого урока нет такой работы.");
            }

            var workOfCell = form.WorkId ?? (lesson.Works.Count > 0 ? lesson.Works[0].Id : null);
            var current = lesson.CurrentValue(form.PupilId, workOfCell);
            var requested = form.Value?.Trim() ?? "";
            ChangeTarget target;
            if (requested.Length == 0)
            {
                if (current.Length == 0)
                {
                    return (0, "Клетка и так пуста: исправлять нечего.");
                }

                target = workOfCell is { } w && lesson.Marks.ContainsKey((form.PupilId, w)) ? ChangeTarget.Mark : ChangeTarget.Absence;
            }
            else if (AttendanceCodes.TryParse(requested, out var kind))
            {
                target = ChangeTarget.Absence;
                requested = kind.Code();
            }
            else if (SaveCell.ParseMark(requested, lesson.Grade, lesson.IsPassFail, settings.AllowMarkOne, out var mark) is { } error)
            {
                return (0, error);
            }
            else
            {
                target = ChangeTarget.Mark;
                requested = mark.Code;
            }

            if (requested == current)
            {
                return (0, $"В клетке уже стоит «{current}».");
            }

            var cellWork = workOfCell;
            var pupilId = form.PupilId;
            var lessonId = lesson.LessonId;
            return await SubmitAsync(
                new CorrectionRequest
                {
                    LessonId = lesson.LessonId,
                    PupilId = form.PupilId,
                    // The cell's work even for an absence: entering «б» there removes that work's mark, as in the grid.
                    WorkId = workOfCell,
                    Target = target,
                    CurrentValue = current,
                    RequestedValue = requested.Length == 0 ? null : requested,
                    Reason = form.Reason!.Value,
                    Explanation = form.Explanation!.Trim(),
                    RequestedById = teacherId,
                },
                // One pending request per cell (pupil × work column of the lesson), whatever it asks for.
                r => r.LessonId == lessonId && r.PupilId == pupilId && r.WorkId == cellWork,
                "По этой клетке",
                upload,
                cancellationToken);
        }

        /// <summary>
        /// Files a drafted request with its supporting document (скан справки, протокол: at most one file, checked like
        /// any upload) under the school's next number, unless one about the same thing is still pending.
        /// </summary>
        public async Task<(int Number, string? Error)> SubmitAsync(
            CorrectionRequest draft, System.Linq.Expressions.Expression<Func<CorrectionRequest, bool>> sameThing, string about,
            UploadBatch upload, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(draft);
            ArgumentNullException.ThrowIfNull(upload);
            if (upload.Problems.Count > 0)
            {
                return (0, upload.Problems[0]);
            }

            if (upload.Files.Count > 1)
            {
                return (0, "Приложите один документ: если страниц несколько, соберите их в один PDF.");
            }

            var document = upload.Files.Count == 1 ? await files.CheckAsync(upload.Files[0], cancellationToken) : null;
            if (document?.Problem is { } problem)
            {
                return (0, problem);
            }

            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // Numbers are sequential per school: one filer at a time takes the next.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('correction-numbers:' || current_setting('app.school_id'), 0))", cancellationToken);
                var pending = await db.CorrectionRequests
                    .Where(r => r.Status == CorrectionStatus.Pending)
                    .Where(sameThing)
                    .Select(r => (int?)r.Number).FirstOrDefaultAsync(cancellationToken);
                if (pending is { } open)
                {
                    return (0, $"{about} уже есть заявка № {open}, она на рассмотрении.");
                }

                draft.Number = (await db.CorrectionRequests.MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
                draft.DocumentFileId = document is null ? null : store.Add(document.File!, draft.RequestedById).Id;
                draft.RequestedAt = clock.Now.ToUniversalTime();
                draft.Status = CorrectionStatus.Pending;
                db.CorrectionRequests.Add(draft);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (draft.Number, (string?)null);
            });
        }
    }
}
