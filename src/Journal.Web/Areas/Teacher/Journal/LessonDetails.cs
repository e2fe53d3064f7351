using System.Globalization;
using FluentValidation;
using Journal.Domain.Policies;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>
/// JRN-2, JRN-4: a lesson's topic and homework (or «без задания»). Grade 1 gets no homework.
/// JRN-6: the topic may be picked from the КТП (the next topic in order is proposed).
/// A lesson's details may be written ahead (planning) and until the journal locks (LCK-1).
/// </summary>
public static class LessonDetails
{
    public sealed record Model(
        Guid LessonId, Guid AssignmentId, DateOnly Date, int Number, string ClassName, string Subject, int Grade,
        string? Topic, string? Homework, bool NoHomework, string? LockReason,
        Guid SubjectId = default, Guid YearId = default, Guid? PlanTopicId = null)
    {
        public bool HomeworkAllowed => Grade > 1;
    }

    public sealed class Form
    {
        public string? Topic { get; set; }

        public string? Homework { get; set; }

        public bool NoHomework { get; set; }

        /// <summary>JRN-6: the КТП topic this lesson gives; empty for a topic of the teacher's own.</summary>
        public Guid? PlanTopicId { get; set; }

        /// <summary>
        /// The form as the page opens: the lesson as written; a lesson without a topic yet proposes the
        /// plan's next topic.
        /// </summary>
        public static Form For(Model lesson, PlanChoice plan)
        {
            var proposed = lesson.Topic is null ? plan.Proposed : null;
            return new Form
            {
                Topic = lesson.Topic ?? proposed?.Title,
                Homework = lesson.Homework,
                NoHomework = lesson.NoHomework,
                PlanTopicId = lesson.PlanTopicId ?? proposed?.Id,
            };
        }
    }

    /// <summary>A topic of the lesson's КТП, with the lessons of this journal that already gave it (this one aside).</summary>
    public sealed record PlanOption(Guid Id, int Position, string Title, int Hours, string? Homework, int Given);

    /// <summary>JRN-6: the КТП of the lesson's subject × grade level and the topic proposed next, if any.</summary>
    public sealed record PlanChoice(IReadOnlyList<PlanOption> Topics)
    {
        public static PlanChoice None { get; } = new([]);

        /// <summary>Topics are picked in order: the first whose hours this journal has not all given yet.</summary>
        public PlanOption? Proposed => Topics.FirstOrDefault(t => t.Given < t.Hours);
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.Topic).NotEmpty().When(x => x.PlanTopicId is null).WithMessage("Запишите тему урока.")
                .MaximumLength(500).WithMessage("Тема длиннее 500 знаков.");
            RuleFor(x => x.Homework).MaximumLength(4000).WithMessage("Задание длиннее 4000 знаков.");
            RuleFor(x => x.Homework).Empty().When(x => x.NoHomework)
                .WithMessage("Отметьте «без задания» или запишите задание, не то и другое вместе.");
        }
    }

    public sealed class Handler(JournalDbContext db, SchoolClock clock, Notifications.Notifier notifier)
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
                        l.NoHomework, null, s.Id, c.AcademicYearId, l.PlanTopicId))
                .SingleOrDefaultAsync(cancellationToken);
            return lesson is null ? null : lesson with { LockReason = LockReason(lesson.Date, today, lockDays) };
        }

        /// <summary>Saves the form; returns an error (Russian) when the lesson refuses it, or null.</summary>
        public async Task<string?> Save(
            Model lesson, Form form, TimeOnly entryDeadline, CancellationToken cancellationToken)
        {
            if (lesson.LockReason is { } locked)
            {
                return locked;
            }

            if (!lesson.HomeworkAllowed && (!string.IsNullOrWhiteSpace(form.Homework) || form.NoHomework))
            {
                return "В 1 классе домашние задания не задаются.";
            }

            var topic = form.Topic?.Trim() ?? "";
            var homework = string.IsNullOrWhiteSpace(form.Homework) ? null : form.Homework.Trim();
            if (form.PlanTopicId is { } planTopicId)
            {
                var plan = await PlanTopicsAsync(lesson, cancellationToken);
                if (plan.FirstOrDefault(t => t.Id == planTopicId) is not { } chosen)
                {
                    return $"Этой темы нет в КТП по предмету «{lesson.Subject}» для {lesson.Grade.ToString(CultureInfo.InvariantCulture)} класса.";
                }

                // The plan's title, unless the teacher wrote a wording of their own («Контрольная работа
                // по теме …»): the lesson still gives the chosen topic. A title of another plan topic left in
                // the field (the choice changed without scripts) is not a wording of one's own.
                if (topic.Length == 0 || plan.Any(t => string.Equals(t.Title, topic, StringComparison.OrdinalIgnoreCase)))
                {
                    topic = chosen.Title;
                }

                if (homework is null && !form.NoHomework && lesson.HomeworkAllowed)
                {
                    homework = chosen.Homework;
                }
            }

            var entity = await db.Lessons.SingleAsync(l => l.Id == lesson.LessonId, cancellationToken);
            // DRY-5: pupils and parents hear of new or changed homework.
            if (homework is not null && homework != entity.Homework)
            {
                var pupils = await notifier.PupilsOfLessonAsync(entity.AssignmentId, lesson.Date, cancellationToken);
                await notifier.HomeworkAsync(pupils, lesson.Date, lesson.Subject, homework, clock.Now, cancellationToken);
            }

            entity.Topic = topic;
            entity.Homework = homework;
            entity.NoHomework = form.NoHomework;
            entity.PlanTopicId = form.PlanTopicId;
            // DL-1, DL-4: the first entry of the topic, and separately of the homework (or «без задания»), counts
            // as late after the lesson day's deadline (monitoring counts it; nothing is refused). Edits keep it.
            var now = clock.Now;
            var late = EntryDeadline.IsLate(lesson.Date, now.DateTime, entryDeadline);
            if (entity.DetailsEnteredAt is null)
            {
                entity.DetailsEnteredAt = now.ToUniversalTime();
                entity.DetailsLate = late;
            }

            if (entity.HomeworkEnteredAt is null && (entity.Homework is not null || entity.NoHomework))
            {
                entity.HomeworkEnteredAt = now.ToUniversalTime();
                entity.HomeworkLate = late;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
            {
                return "Эту тему только что удалили из КТП: выберите тему снова.";
            }

            return null;
        }

        /// <summary>The lesson's КТП with what this journal has given of each topic: one query.</summary>
        public async Task<PlanChoice> PlanAsync(Model lesson, CancellationToken cancellationToken)
        {
            var topics = await (
                    from t in db.PlanTopics.AsNoTracking()
                    join p in db.LessonPlans on t.PlanId equals p.Id
                    where p.AcademicYearId == lesson.YearId && p.SubjectId == lesson.SubjectId && p.Grade == lesson.Grade
                    orderby t.Position
                    select new PlanOption(
                        t.Id, t.Position, t.Title, t.Hours, t.Homework,
                        db.Lessons.Count(l => l.AssignmentId == lesson.AssignmentId && l.PlanTopicId == t.Id && l.Id != lesson.LessonId)))
                .ToListAsync(cancellationToken);
            return new PlanChoice(topics);
        }

        private Task<List<PlanOption>> PlanTopicsAsync(Model lesson, CancellationToken cancellationToken) =>
            (from t in db.PlanTopics.AsNoTracking()
             join p in db.LessonPlans on t.PlanId equals p.Id
             where p.AcademicYearId == lesson.YearId && p.SubjectId == lesson.SubjectId && p.Grade == lesson.Grade
             select new PlanOption(t.Id, t.Position, t.Title, t.Hours, t.Homework, 0))
            .ToListAsync(cancellationToken);

        /// <summary>Past lessons lock like their marks; future ones may be prepared ahead.</summary>
        private static string? LockReason(DateOnly date, DateOnly today, int lockDays) =>
            date > today ? null : EditLock.CanEdit(date, today, lockDays).Reason;
    }
}
