using FluentValidation;
using Journal.Domain.Lessons;
using Journal.Domain.Policies;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Attendance;

/// <summary>
/// JRN-5, seed 000 §4.5: the class teacher corrects the reasons of a pupil's absences: «н» becomes «б»
/// when the parent brings a medical note. Either chosen absences one by one, or every absence of the
/// pupil in the class's lessons over a period of days (lateness is left as it is). Only existing
/// absences change kind: taking attendance stays the subject teacher's. All or nothing: a change of a
/// locked lesson (LCK-1) refuses the whole request. Every change goes to the history (LCK-3).
/// </summary>
public static class CorrectAbsenceReasons
{
    /// <summary>Chosen absences with their new kinds, as the pupil's page posts them.</summary>
    public sealed class Form
    {
        public Guid Class { get; set; }

        public Guid Pupil { get; set; }

        /// <summary>The week the form was shown for, to come back to.</summary>
        public string? Week { get; set; }

        public List<Item> Items { get; set; } = [];
    }

    public sealed class Item
    {
        public Guid AbsenceId { get; set; }

        /// <summary>«н», «б», «у», «оп» (capitals and Latin look-alikes accepted).</summary>
        public string? Kind { get; set; }
    }

    /// <summary>«Б за все пропуски ученика с … по …»: one reason for every absence over some days.</summary>
    public sealed class PeriodForm
    {
        public Guid Class { get; set; }

        public Guid Pupil { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }

        public string? Kind { get; set; }

        public string? Week { get; set; }

        /// <summary>Which page posted the form: «pupil» to return to the pupil's page, else the week.</summary>
        public string? Back { get; set; }
    }

    public sealed record Period(DateOnly From, DateOnly To, AttendanceKind Kind);

    /// <summary>Either <see cref="Kinds"/> (absence id → new kind) or <see cref="Period"/>.</summary>
    public sealed record Command(Guid ClassId, Guid PupilId, IReadOnlyDictionary<Guid, AttendanceKind>? Kinds, Period? Period)
    {
        public static Command From(Form form) => new(
            form.Class, form.Pupil,
            form.Items.ToDictionary(i => i.AbsenceId, i => AttendanceCodes.TryParse(i.Kind, out var kind) ? kind : default),
            null);

        public static Command From(PeriodForm form)
        {
            if (!AttendanceView.TryParseDate(form.From, out var from) || !AttendanceView.TryParseDate(form.To, out var to)
                || !AttendanceCodes.TryParse(form.Kind, out var kind))
            {
                throw new InvalidOperationException("The period form is validated before it becomes a command.");
            }

            return new Command(form.Class, form.Pupil, null, new Period(from, to, kind));
        }
    }

    public sealed record Result(bool Found, string? Error, int Changed)
    {
        public static Result NotFound { get; } = new(false, "Не найдено.", 0);

        public static Result Refused(string error) => new(true, error, 0);
    }

    public const int MaxDays = 31;

    private const string KindMessage = "Отметка посещаемости — Н, Б, У или ОП.";

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.Class).NotEmpty().WithMessage("Не указан класс.");
            RuleFor(x => x.Pupil).NotEmpty().WithMessage("Не указан ученик.");
            RuleFor(x => x.Items).NotEmpty().WithMessage("Нет пропусков, которые можно исправить.")
                .Must(items => items.Count <= 200).WithMessage("Слишком много пропусков в одной форме.")
                .Must(items => items.Select(i => i.AbsenceId).Distinct().Count() == items.Count)
                .WithMessage("Один и тот же пропуск указан дважды.");
            RuleForEach(x => x.Items).ChildRules(item =>
            {
                item.RuleFor(i => i.AbsenceId).NotEmpty().WithMessage("Не указан пропуск.");
                item.RuleFor(i => i.Kind).Must(k => AttendanceCodes.TryParse(k, out _))
                    .WithMessage(i => $"«{i.Kind}» — не отметка посещаемости: {KindMessage}");
            });
        }
    }

    public sealed class PeriodValidator : AbstractValidator<PeriodForm>
    {
        public PeriodValidator()
        {
            RuleFor(x => x.Class).NotEmpty().WithMessage("Не указан класс.");
            RuleFor(x => x.Pupil).NotEmpty().WithMessage("Выберите ученика.");
            RuleFor(x => x.From).Must(d => AttendanceView.TryParseDate(d, out _))
                .WithMessage("Дата «с» — в виде дд.мм.гггг.");
            RuleFor(x => x.To).Must(d => AttendanceView.TryParseDate(d, out _))
                .WithMessage("Дата «по» — в виде дд.мм.гггг.");
            RuleFor(x => x).Must(x => Days(x) >= 1).When(x => Days(x) is not null)
                .WithMessage("Дата «по» раньше даты «с».")
                .Must(x => Days(x) <= MaxDays).When(x => Days(x) is not null)
                .WithMessage($"Период — не больше {MaxDays} дн.: для долгой болезни укажите его частями.");
            RuleFor(x => x.Kind).Must(k => AttendanceCodes.TryParse(k, out var kind) && kind != AttendanceKind.Late)
                .WithMessage("Причина — Б (болезнь, справка), У (уважительная) или Н (без уважительной причины).");
        }

        private static int? Days(PeriodForm form) =>
            AttendanceView.TryParseDate(form.From, out var from) && AttendanceView.TryParseDate(form.To, out var to)
                ? to.DayNumber - from.DayNumber + 1
                : null;
    }

    public sealed class Handler(JournalDbContext db, SchoolClock clock)
    {
        public async Task<Result> Handle(Command command, Guid classTeacherId, SchoolSettings settings, CancellationToken cancellationToken)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await Apply(command, classTeacherId, settings, cancellationToken);
                if (result is { Found: true, Error: null, Changed: > 0 })
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                return result;
            });
        }

        private async Task<Result> Apply(Command command, Guid classTeacherId, SchoolSettings settings, CancellationToken cancellationToken)
        {
            var pupilInClass = await db.Enrolments.AnyAsync(
                e => e.PupilId == command.PupilId && e.ClassId == command.ClassId
                     && LedClasses.Of(db, classTeacherId).Any(c => c.Id == command.ClassId),
                cancellationToken);
            if (!pupilInClass)
            {
                return Result.NotFound;
            }

            var candidates = Candidates(command);
            // The subject teacher's journal (SaveCell) writes a lesson under this lock: take the same
            // locks, in one order, so a correction and a teacher's save of the same cell go one by one.
            var lessonIds = await candidates.Select(c => c.Absence.LessonId).Distinct().ToListAsync(cancellationToken);
            var keys = lessonIds.Select(id => id.ToString()).ToArray();
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (SELECT unnest({keys}) AS k ORDER BY 1 OFFSET 0) locks",
                cancellationToken);
            var found = await candidates.OrderBy(c => c.Date).ThenBy(c => c.Number).ToListAsync(cancellationToken);

            if (command.Kinds is { } kinds && found.Count != kinds.Count)
            {
                return Result.NotFound; // an absence of another pupil, class or school
            }

            if (command.Period is { } period && found.Count == 0)
            {
                return Result.Refused(
                    $"С {AttendanceView.Date(period.From)} по {AttendanceView.Date(period.To)} у ученика нет пропусков уроков " +
                    "(опоздания не меняются).");
            }

            var changes = found
                .Select(c => (c.Absence, c.Date, Kind: command.Kinds?[c.Absence.Id] ?? command.Period!.Kind))
                .Where(c => c.Absence.Kind != c.Kind)
                .ToList();
            foreach (var change in changes)
            {
                var edit = EditLock.CanEdit(change.Date, clock.Today, settings.LockDays);
                if (!edit.Allowed)
                {
                    return Result.Refused(edit.Reason!);
                }
            }

            var now = clock.Now.ToUniversalTime(); // timestamptz holds UTC
            foreach (var (absence, _, kind) in changes)
            {
                db.JournalChanges.Add(new JournalChange
                {
                    OperationId = Guid.CreateVersion7(),
                    LessonId = absence.LessonId,
                    PupilId = absence.PupilId,
                    Target = ChangeTarget.Absence,
                    OldValue = absence.Kind.Code(),
                    NewValue = kind.Code(),
                    AuthorId = classTeacherId,
                    At = now,
                    Ground = ChangeGround.Entry,
                    // The weekly correction of reasons is the class teacher's duty after the lesson day
                    // (seed 000 §4.5), not a late entry of attendance: DL-1 does not apply to it.
                    IsLate = false,
                });
                absence.Kind = kind;
                absence.AuthorId = classTeacherId;
                absence.EnteredAt = now;
            }

            return new Result(true, null, changes.Count);
        }

        private sealed class Candidate
        {
            public required Absence Absence { get; init; }

            public DateOnly Date { get; init; }

            public int Number { get; init; }
        }

        /// <summary>The pupil's absences in lessons of the class the command names (tracked: they are changed).</summary>
        private IQueryable<Candidate> Candidates(Command command)
        {
            var all =
                from ab in db.Absences
                where ab.PupilId == command.PupilId
                join l in db.Lessons on ab.LessonId equals l.Id
                join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                where a.ClassId == command.ClassId
                select new Candidate { Absence = ab, Date = l.Date, Number = l.LessonNumber };
            if (command.Kinds is { } kinds)
            {
                var ids = kinds.Keys.ToList();
                return all.Where(c => ids.Contains(c.Absence.Id));
            }

            var period = command.Period!;
            return all.Where(c => c.Date >= period.From && c.Date <= period.To && c.Absence.Kind != AttendanceKind.Late);
        }
    }
}
