using FluentValidation;
using Journal.Domain.Policies;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>
/// JRN-2, JRN-4: a lesson's topic and homework (or «без задания»). Grade 1 gets no homework.
/// A lesson's details may be written ahead (planning) and until the journal locks (LCK-1).
/// </summary>
public static class LessonDetails
{
    public sealed record Model(
        Guid LessonId, Guid AssignmentId, DateOnly Date, int Number, string ClassName, string Subject, int Grade,
        string? Topic, string? Homework, bool NoHomework, string? LockReason)
    {
        public bool HomeworkAllowed => Grade > 1;
    }

    public sealed class Form
    {
        public string? Topic { get; set; }

        public string? Homework { get; set; }

        public bool NoHomework { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.Topic).NotEmpty().WithMessage("Запишите тему урока.")
                .MaximumLength(500).WithMessage("Тема длиннее 500 знаков.");
            RuleFor(x => x.Homework).MaximumLength(4000).WithMessage("Задание длиннее 4000 знаков.");
            RuleFor(x => x.Homework).Empty().When(x => x.NoHomework)
                .WithMessage("Отметьте «без задания» или запишите задание, не то и другое вместе.");
        }
    }

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Load(Guid lessonId, Guid teacherId, DateOnly today, int lockDays, CancellationToken cancellationToken)
        {
            var lesson = await (
                    from l in db.Lessons.AsNoTracking()
                    where l.Id == lessonId
                    join a in db.TeachingAssignments on l.AssignmentId equals a.Id
                    where a.TeacherId == teacherId || l.SubstituteTeacherId == teacherId
                    join c in db.Classes on a.ClassId equals c.Id
                    join s in db.Subjects on a.SubjectId equals s.Id
                    select new Model(
                        l.Id, a.Id, l.Date, l.LessonNumber, c.Grade + c.Letter, s.Name, c.Grade, l.Topic, l.Homework,
                        l.NoHomework, null))
                .SingleOrDefaultAsync(cancellationToken);
            return lesson is null ? null : lesson with { LockReason = LockReason(lesson.Date, today, lockDays) };
        }

        /// <summary>Saves the form; returns an error (Russian) when the lesson refuses it, or null.</summary>
        public async Task<string?> Save(
            Model lesson, Form form, CancellationToken cancellationToken)
        {
            if (lesson.LockReason is { } locked)
            {
                return locked;
            }

            if (!lesson.HomeworkAllowed && (!string.IsNullOrWhiteSpace(form.Homework) || form.NoHomework))
            {
                return "В 1 классе домашние задания не задаются.";
            }

            var entity = await db.Lessons.SingleAsync(l => l.Id == lesson.LessonId, cancellationToken);
            entity.Topic = form.Topic!.Trim();
            entity.Homework = string.IsNullOrWhiteSpace(form.Homework) ? null : form.Homework.Trim();
            entity.NoHomework = form.NoHomework;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        /// <summary>Past lessons lock like their marks; future ones may be prepared ahead.</summary>
        private static string? LockReason(DateOnly date, DateOnly today, int lockDays) =>
            date > today ? null : EditLock.CanEdit(date, today, lockDays).Reason;
    }
}
