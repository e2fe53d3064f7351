using FluentValidation;
using Journal.Domain.Lessons;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>JRN-2: one more work in a lesson (a column under its date), of a school work kind, with a weight.</summary>
public static class AddWork
{
    public sealed class Form
    {
        public Guid KindId { get; set; }

        /// <summary>As typed, «1,5» or «1.5»; empty: the kind's default weight (a school setting).</summary>
        public string? Weight { get; set; }

        public decimal? ParsedWeight => ParseWeight(Weight);

        public string? Title { get; set; }
    }

    private static decimal? ParseWeight(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var weight) ? weight : null;

    public sealed record KindOption(Guid Id, string Name, decimal DefaultWeight);

    public sealed record WorkRow(string Kind, decimal Weight, string? Title, int Marks);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.KindId).NotEmpty().WithMessage("Выберите вид работы.");
            RuleFor(x => x.Weight).Must(w => ParseWeight(w) is >= 0.1m and <= 10m)
                .When(x => !string.IsNullOrWhiteSpace(x.Weight))
                .WithMessage("Вес работы — число от 0,1 до 10, например 1,5.");
            RuleFor(x => x.Title).MaximumLength(200).WithMessage("Название длиннее 200 знаков.");
        }
    }

    public sealed class Handler(JournalDbContext db)
    {
        public Task<List<KindOption>> KindsAsync(CancellationToken cancellationToken) =>
            db.WorkKinds.AsNoTracking().OrderBy(k => k.SortOrder)
                .Select(k => new KindOption(k.Id, k.Name, k.DefaultWeight)).ToListAsync(cancellationToken);

        public Task<List<WorkRow>> WorksAsync(Guid lessonId, CancellationToken cancellationToken) =>
            (from w in db.Works.AsNoTracking()
             where w.LessonId == lessonId
             join k in db.WorkKinds on w.KindId equals k.Id
             orderby k.SortOrder, w.Id
             select new WorkRow(k.Name, w.Weight, w.Title, db.Marks.Count(m => m.WorkId == w.Id)))
            .ToListAsync(cancellationToken);

        /// <summary>Adds the work; returns a Russian error when the lesson or the kind refuses it.</summary>
        public async Task<string?> Add(LessonDetails.Model lesson, Form form, CancellationToken cancellationToken)
        {
            if (lesson.LockReason is { } locked)
            {
                return locked;
            }

            if (lesson.Grade == 1)
            {
                return "В 1 классе отметки не ставятся: работы с отметками не добавляются.";
            }

            var kind = await db.WorkKinds.SingleOrDefaultAsync(k => k.Id == form.KindId, cancellationToken);
            if (kind is null)
            {
                return "Такого вида работы в школе нет.";
            }

            db.Works.Add(new Work
            {
                LessonId = lesson.LessonId,
                KindId = kind.Id,
                Weight = form.ParsedWeight ?? kind.DefaultWeight,
                Title = string.IsNullOrWhiteSpace(form.Title) ? null : form.Title.Trim(),
            });
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
    }
}
