using FluentValidation;
using Journal.Domain.Lessons;
using Journal.Domain.Policies;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Entries;

/// <summary>
/// JRN-1, JRN-3, JRN-5: what a teacher types into one journal cell, saved at once. The client makes
/// the operation id, so a retried save (after a network failure) is applied once. Every change goes to
/// the history (LCK-3); the lock (LCK-1) is the policy layer's, whatever the client sends.
/// </summary>
public static class SaveCell
{
    public sealed record Command(Guid OperationId, Guid LessonId, Guid? WorkId, Guid PupilId, string? Value);

    /// <summary>
    /// Who writes and on what ground: the lesson's teacher or substitute (ordinary entry, the lock applies),
    /// or the Deputy entering an approved correction request (LCK-2: past the lock, never a future lesson).
    /// </summary>
    public sealed record Writer(Guid MembershipId, ChangeGround Ground, Guid? CorrectionRequestId)
    {
        public static Writer Teacher(Guid membershipId) => new(membershipId, ChangeGround.Entry, null);

        public bool IsCorrection => CorrectionRequestId is not null;
    }

    /// <summary>The outcome: the cell's new text, or why nothing changed.</summary>
    public sealed record Result(bool Found, string? Error, string Value, Guid? WorkId)
    {
        public static Result NotFound { get; } = new(false, "Не найдено.", "", null);

        public static Result Refused(string error) => new(true, error, "", null);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.OperationId).NotEmpty().WithMessage("Нет идентификатора операции.");
            RuleFor(x => x.LessonId).NotEmpty().WithMessage("Не указан урок.");
            RuleFor(x => x.PupilId).NotEmpty().WithMessage("Не указан ученик.");
            RuleFor(x => x.Value).MaximumLength(10).WithMessage("Слишком длинное значение.");
        }
    }

    public sealed class Handler(JournalDbContext db, SchoolClock clock, Notifications.Notifier notifier)
    {
        public async Task<Result> Handle(Command command, Guid teacherId, SchoolSettings settings, CancellationToken cancellationToken)
        {
            var writer = Writer.Teacher(teacherId);
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await LockLessonAsync(command.LessonId, cancellationToken);
                var result = await ApplyAsync(command, writer, settings, cancellationToken);
                if (result.Found && result.Error is null)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                return result;
            });
        }

        /// <summary>
        /// One writer per lesson at a time, inside the caller's transaction: two saves of the same cell are
        /// applied one after the other (last write wins, both in history), and a lesson's first work is created once.
        /// </summary>
        public Task LockLessonAsync(Guid lessonId, CancellationToken cancellationToken) =>
            db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({lessonId.ToString()}, 0))", cancellationToken);

        /// <summary>
        /// Applies the cell to the tracked context without saving: the caller saves and commits in its own
        /// transaction, after <see cref="LockLessonAsync"/>.
        /// </summary>
        public async Task<Result> ApplyAsync(Command command, Writer writer, SchoolSettings settings, CancellationToken cancellationToken)
        {
            var teacherId = writer.MembershipId;
            var lesson = await (
                    from l in db.Lessons
                    where l.Id == command.LessonId
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where writer.IsCorrection || a.TeacherId == teacherId || l.SubstituteTeacherId == teacherId
                    join c in db.Classes on a.ClassId equals c.Id
                    join s in db.Subjects on a.SubjectId equals s.Id
                    select new { l.Id, l.Date, a.ClassId, a.SubgroupId, c.Grade, s.IsPassFail, Subject = s.Name })
                .SingleOrDefaultAsync(cancellationToken);
            var pupilExists = await db.Pupils.AnyAsync(p => p.Id == command.PupilId, cancellationToken);
            if (lesson is null || !pupilExists)
            {
                return Result.NotFound;
            }

            var marks = await db.Marks.Where(m => m.PupilId == command.PupilId && db.Works.Any(w => w.Id == m.WorkId && w.LessonId == lesson.Id))
                .ToListAsync(cancellationToken);
            var absence = await db.Absences.SingleOrDefaultAsync(a => a.LessonId == lesson.Id && a.PupilId == command.PupilId, cancellationToken);
            var applied = await db.JournalChanges.Where(c => c.OperationId == command.OperationId)
                .Select(c => new { c.WorkId, c.LessonId, c.PupilId }).ToListAsync(cancellationToken);
            if (applied.Any(c => c.LessonId != lesson.Id || c.PupilId != command.PupilId))
            {
                return Result.Refused("Эта операция уже записана для другой клетки: обновите страницу.");
            }

            if (applied.Count > 0)
            {
                // Already applied (a retry after a lost response): answer with the cell as it stands.
                var appliedWork = command.WorkId ?? applied.Select(c => c.WorkId).FirstOrDefault(w => w is not null);
                return new Result(true, null, Display(marks.FirstOrDefault(m => m.WorkId == appliedWork), absence), appliedWork);
            }

            var enrolled = await db.Enrolments.Where(Enrolled.On(lesson.Date)).AnyAsync(
                e => e.PupilId == command.PupilId && e.ClassId == lesson.ClassId
                     && (lesson.SubgroupId == null || db.SubgroupMembers.Any(m => m.SubgroupId == lesson.SubgroupId && m.PupilId == e.PupilId)),
                cancellationToken);
            if (!enrolled)
            {
                return Result.Refused("Ученик не числится в этом классе (группе) на дату урока.");
            }

            var edit = writer.IsCorrection
                ? EditLock.CanCorrect(lesson.Date, clock.Today)
                : EditLock.CanEdit(lesson.Date, clock.Today, settings.LockDays);
            if (!edit.Allowed)
            {
                return Result.Refused(edit.Reason!);
            }

            var work = command.WorkId is { } workId
                ? await db.Works.SingleOrDefaultAsync(w => w.Id == workId && w.LessonId == lesson.Id, cancellationToken)
                : null;
            if (command.WorkId is not null && work is null)
            {
                return Result.NotFound;
            }

            var mark = marks.FirstOrDefault(m => work is not null && m.WorkId == work.Id);
            var local = clock.Now;
            var now = local.ToUniversalTime(); // timestamptz holds UTC; the deadline is judged in school time
            // DL-1 for attendance; a mark is due by its work kind (DL-2), known once the work is.
            var lateToday = !writer.IsCorrection && EntryDeadline.IsLate(lesson.Date, local.DateTime, settings.EntryDeadline);
            var change = new ChangeRecorder(db, command, lesson.Id, writer, now, lateToday) { MarkIsLate = lateToday };
            var text = command.Value?.Trim() ?? "";

            if (text.Length == 0)
            {
                // Delete clears what the cell shows: this work's mark, else the lesson's absence.
                if (mark is not null)
                {
                    change.Mark(mark.WorkId, mark.Value.Code, null);
                    db.Marks.Remove(mark);
                }
                else if (absence is not null)
                {
                    change.Absence(absence.Kind.Code(), null);
                    db.Absences.Remove(absence);
                    absence = null;
                }

                return new Result(true, null, Display(null, absence), work?.Id);
            }

            if (AttendanceCodes.TryParse(text, out var kind))
            {
                if (absence is null)
                {
                    absence = new Absence { LessonId = lesson.Id, PupilId = command.PupilId, Kind = kind, AuthorId = teacherId, EnteredAt = now };
                    db.Absences.Add(absence);
                    change.Absence(null, kind.Code());
                }
                else if (absence.Kind != kind)
                {
                    change.Absence(absence.Kind.Code(), kind.Code());
                    absence.Kind = kind;
                    absence.AuthorId = teacherId;
                    absence.EnteredAt = now;
                }

                // An absent pupil has no mark in the cell the absence was typed into (a late one may).
                if (mark is not null && kind != AttendanceKind.Late)
                {
                    change.Mark(mark.WorkId, mark.Value.Code, null);
                    db.Marks.Remove(mark);
                    mark = null;
                }

                return new Result(true, null, Display(mark, absence), work?.Id);
            }

            if (ParseMark(text, lesson.Grade, lesson.IsPassFail, settings.AllowMarkOne, out var value) is { } error)
            {
                return Result.Refused(error);
            }

            work ??= await FirstWorkAsync(lesson.Id, cancellationToken);
            if (work is null)
            {
                return Result.Refused("В школе не заданы виды работ: обратитесь к администратору.");
            }

            // The kind's deadline (DL-2) and its name for the notification (DRY-5), in one query.
            var workKind = await db.WorkKinds.Where(k => k.Id == work.KindId).Select(k => new { k.EntryWorkingDays, k.Name })
                .FirstAsync(cancellationToken);
            var workingDays = workKind.EntryWorkingDays;
            change.MarkIsLate = !writer.IsCorrection
                                && EntryDeadline.IsLate(
                                    lesson.Date, local.DateTime, settings.EntryDeadline, workingDays,
                                    await DaysOffAsync(lesson.Date, workingDays, lesson.Grade, cancellationToken));
            mark = marks.FirstOrDefault(m => m.WorkId == work.Id);
            var markChanged = mark is null || mark.Value != value;
            if (mark is null)
            {
                mark = new Mark { WorkId = work.Id, PupilId = command.PupilId, Value = value, AuthorId = teacherId, EnteredAt = now };
                db.Marks.Add(mark);
                change.Mark(work.Id, null, value.Code);
            }
            else if (mark.Value != value)
            {
                change.Mark(work.Id, mark.Value.Code, value.Code);
                mark.Value = value;
                mark.AuthorId = teacherId;
                mark.EnteredAt = now;
            }

            // DRY-5: the pupil and their parents hear of a new or changed mark (not of a «точка»).
            if (markChanged && value.Kind != MarkKind.Dot)
            {
                await notifier.MarkAsync(command.PupilId, lesson.Date, lesson.Subject, workKind.Name, value.Code, now, cancellationToken);
            }

            // A pupil who got a mark was there: an absence other than lateness goes.
            if (absence is not null && absence.Kind != AttendanceKind.Late)
            {
                change.Absence(absence.Kind.Code(), null);
                db.Absences.Remove(absence);
                absence = null;
            }

            return new Result(true, null, Display(mark, absence), work.Id);
        }

        /// <summary>The school's holidays for the grade in the weeks after the lesson (DL-2); none to ask for same-day kinds.</summary>
        private async Task<Func<DateOnly, bool>?> DaysOffAsync(DateOnly lessonDate, int workingDays, int grade, CancellationToken cancellationToken)
        {
            if (workingDays == 0)
            {
                return null;
            }

            var until = lessonDate.AddDays(workingDays * 7);
            var holidays = await db.Holidays.AsNoTracking()
                .Where(h => h.StartDate <= until && h.EndDate > lessonDate && (h.Grade == null || h.Grade == grade))
                .Select(h => new { h.StartDate, h.EndDate })
                .ToListAsync(cancellationToken);
            return holidays.Count == 0 ? null : day => holidays.Exists(h => day >= h.StartDate && day <= h.EndDate);
        }

        /// <summary>
        /// The lesson's first work, created with the school's first work kind when the lesson has none;
        /// null when the school has no work kinds at all.
        /// </summary>
        private async Task<Work?> FirstWorkAsync(Guid lessonId, CancellationToken cancellationToken)
        {
            var existing = await db.Works.Where(w => w.LessonId == lessonId)
                .Join(db.WorkKinds, w => w.KindId, k => k.Id, (w, k) => new { Work = w, k.SortOrder })
                .OrderBy(x => x.SortOrder).ThenBy(x => x.Work.Id)
                .Select(x => x.Work)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            var kind = await db.WorkKinds.OrderBy(k => k.SortOrder).FirstOrDefaultAsync(cancellationToken);
            if (kind is null)
            {
                return null;
            }

            var work = new Work { LessonId = lessonId, KindId = kind.Id, Weight = kind.DefaultWeight };
            db.Works.Add(work);
            return work;
        }

        /// <summary>A cell shows its mark; without one, the lesson's absence.</summary>
        private static string Display(Mark? mark, Absence? absence) =>
            mark?.Value.Code ?? absence?.Kind.Code() ?? "";
    }

    /// <summary>
    /// What a cell accepts besides attendance codes (JRN-3, JRN-4): a mark of the school's scale, pass/fail
    /// only in pass/fail subjects, nothing in grade 1. Returns the Russian refusal, or null.
    /// </summary>
    public static string? ParseMark(string text, int grade, bool isPassFail, bool allowMarkOne, out MarkValue value)
    {
        value = default;
        if (grade == 1)
        {
            return "В 1 классе отметки не ставятся: только посещаемость.";
        }

        if (!MarkValue.TryParse(text, allowMarkOne, out value, out var error))
        {
            return error!;
        }

        var isPassFailMark = value.Kind is MarkKind.Pass or MarkKind.Fail;
        if (value.Kind != MarkKind.Dot && isPassFail != isPassFailMark)
        {
            return isPassFail
                ? "Предмет оценивается «зачёт»/«незачёт»: введите «з» или «нз»."
                : "«Зачёт»/«незачёт» ставятся только по зачётным предметам: введите отметку 2–5.";
        }

        return null;
    }

    /// <summary>Writes the history rows of one save (LCK-3).</summary>
    private sealed class ChangeRecorder(
        JournalDbContext db, Command command, Guid lessonId, Writer writer, DateTimeOffset at, bool attendanceIsLate)
    {
        /// <summary>A mark of a written or control work may be due days after the lesson (DL-2).</summary>
        public bool MarkIsLate { get; set; }

        public void Mark(Guid workId, string? oldValue, string? newValue) =>
            Add(ChangeTarget.Mark, workId, oldValue, newValue, MarkIsLate);

        public void Absence(string? oldValue, string? newValue) => Add(ChangeTarget.Absence, null, oldValue, newValue, attendanceIsLate);

        private void Add(ChangeTarget target, Guid? workId, string? oldValue, string? newValue, bool late) =>
            db.JournalChanges.Add(new JournalChange
            {
                OperationId = command.OperationId,
                LessonId = lessonId,
                PupilId = command.PupilId,
                WorkId = workId,
                Target = target,
                OldValue = oldValue,
                NewValue = newValue,
                AuthorId = writer.MembershipId,
                At = at,
                Ground = writer.Ground,
                IsLate = late,
                CorrectionRequestId = writer.CorrectionRequestId,
            });
    }
}
