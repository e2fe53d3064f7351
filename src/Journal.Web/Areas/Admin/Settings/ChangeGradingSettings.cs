using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Admin.Settings;

/// <summary>
/// The Admin's grading settings of the school: thresholds (GRD-2), minimum marks and subjects with a required
/// control work (GRD-3), the period-mark window (DL-3), the locks (LCK-1), the mark «1» (JRN-3) and the entry
/// deadline (DL-1). All fields are checked first and saved together, or nothing is saved (SEC-3).
/// </summary>
public static class ChangeGradingSettings
{
    public const int MaxMinimumMarks = 30;
    public const int MaxWindowDays = 30;
    public const int MaxLockDays = 60;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The form as typed: numbers are text so that «4,5» and «4.50» are both read and a wrong entry gets a Russian answer.</summary>
    public sealed class Form
    {
        public string? ThresholdFive { get; set; }

        public string? ThresholdFour { get; set; }

        public string? ThresholdThree { get; set; }

        public string? MinimumMarksQuarter { get; set; }

        public string? MinimumMarksTrimester { get; set; }

        public string? MinimumMarksHalfYear { get; set; }

        public string? PeriodMarkWindowDays { get; set; }

        public string? PeriodMarkDueDaysBeforeEnd { get; set; }

        public string? LockDays { get; set; }

        public string? PeriodMarkLockDays { get; set; }

        public string? EntryDeadline { get; set; }

        public bool AllowMarkOne { get; set; }

        /// <summary>The subjects whose period mark needs a control work (GRD-3).</summary>
        public List<Guid> ControlWorkSubjects { get; set; } = [];

        public static Form From(SchoolSettings s, IEnumerable<Guid> controlWorkSubjects) => new()
        {
            ThresholdFive = Show(s.ThresholdFive),
            ThresholdFour = Show(s.ThresholdFour),
            ThresholdThree = Show(s.ThresholdThree),
            MinimumMarksQuarter = Show(s.MinimumMarksQuarter),
            MinimumMarksTrimester = Show(s.MinimumMarksTrimester),
            MinimumMarksHalfYear = Show(s.MinimumMarksHalfYear),
            PeriodMarkWindowDays = Show(s.PeriodMarkWindowDays),
            PeriodMarkDueDaysBeforeEnd = Show(s.PeriodMarkDueDaysBeforeEnd),
            LockDays = Show(s.LockDays),
            PeriodMarkLockDays = Show(s.PeriodMarkLockDays),
            EntryDeadline = Show(s.EntryDeadline),
            AllowMarkOne = s.AllowMarkOne,
            ControlWorkSubjects = controlWorkSubjects.ToList(),
        };
    }

    /// <summary>A threshold as a Russian user reads it: «4,50».</summary>
    public static string Show(decimal value) => value.ToString("0.00", Russian);

    public static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Show(TimeOnly value) => value.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A decimal typed with a comma or a point, no sign, no thousands: «4,5», «4.50».</summary>
    public static bool TryReadDecimal(string? text, out decimal value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
               && decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A whole number of digits only.</summary>
    public static bool TryReadInt(string? text, out int value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
               && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A time of day as «20:00» (what a time input sends) or «8:30».</summary>
    public static bool TryReadTime(string? text, out TimeOnly value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
               && TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            Threshold(x => x.ThresholdFive, "5");
            Threshold(x => x.ThresholdFour, "4");
            Threshold(x => x.ThresholdThree, "3");
            // GRD-2: each threshold strictly below the one above it, checked once both are good numbers.
            RuleFor(x => x.ThresholdFour)
                .Must((form, four) => !IsThreshold(form.ThresholdFive, out var five) || !IsThreshold(four, out var f) || f < five)
                .WithMessage("Граница «4» должна быть меньше границы «5».");
            RuleFor(x => x.ThresholdThree)
                .Must((form, three) => !IsThreshold(form.ThresholdFour, out var four) || !IsThreshold(three, out var t) || t < four)
                .WithMessage("Граница «3» должна быть меньше границы «4».");

            Whole(x => x.MinimumMarksQuarter, 1, MaxMinimumMarks, "Минимум отметок за четверть");
            Whole(x => x.MinimumMarksTrimester, 1, MaxMinimumMarks, "Минимум отметок за триместр");
            Whole(x => x.MinimumMarksHalfYear, 1, MaxMinimumMarks, "Минимум отметок за полугодие");
            Whole(x => x.PeriodMarkWindowDays, 1, MaxWindowDays, "Окно выставления отметок за период");
            Whole(x => x.PeriodMarkDueDaysBeforeEnd, 0, MaxWindowDays, "Срок до конца периода");
            RuleFor(x => x.PeriodMarkDueDaysBeforeEnd)
                .Must((form, due) => !TryReadInt(form.PeriodMarkWindowDays, out var window) || window is < 1 or > MaxWindowDays
                                     || !TryReadInt(due, out var days) || days > MaxWindowDays || days <= window)
                .WithMessage(form => string.Create(
                    CultureInfo.InvariantCulture,
                    $"Срок до конца периода не может быть больше окна: от 0 до {(TryReadInt(form.PeriodMarkWindowDays, out var w) ? w : 0)} дн."));
            Whole(x => x.LockDays, 1, MaxLockDays, "Блокировка текущих отметок");
            Whole(x => x.PeriodMarkLockDays, 1, MaxLockDays, "Блокировка отметок за период");
            RuleFor(x => x.EntryDeadline).Must(t => TryReadTime(t, out _))
                .WithMessage("Время укажите как ЧЧ:ММ, например 20:00.");
        }

        private void Threshold(Expression<Func<Form, string?>> field, string mark) =>
            RuleFor(field).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage($"Укажите наименьший средний балл для «{mark}».")
                .Must(text => TryReadDecimal(text, out _)).WithMessage($"Граница «{mark}» — число, например 4,50.")
                .Must(text => TryReadDecimal(text, out var v) && v is >= 1m and <= 5m).WithMessage($"Граница «{mark}» — от 1,00 до 5,00.")
                .Must(text => TryReadDecimal(text, out var v) && decimal.Round(v, 2) == v)
                .WithMessage($"Граница «{mark}» — не больше двух знаков после запятой.");

        private void Whole(Expression<Func<Form, string?>> field, int min, int max, string name) =>
            RuleFor(field).Must(text => TryReadInt(text, out var v) && v >= min && v <= max)
                .WithMessage(string.Create(CultureInfo.InvariantCulture, $"{name} — целое число от {min} до {max}."));

        private static bool IsThreshold(string? text, out decimal value) =>
            TryReadDecimal(text, out value) && value is >= 1m and <= 5m && decimal.Round(value, 2) == value;
    }

    /// <summary>A subject of the school with its GRD-3 flag; a pass/fail subject has no numeric control work to require.</summary>
    public sealed record SubjectRow(Guid Id, string Name, bool IsPassFail);

    /// <summary>The page: the form (as stored or as typed) and the school's subjects.</summary>
    public sealed record Page(Form Form, IReadOnlyList<SubjectRow> Subjects);

    public sealed class Handler(JournalDbContext db, TenantContext tenant)
    {
        /// <summary>The form filled from the tenant's settings, as every other feature reads them this request.</summary>
        public async Task<Page> LoadAsync(CancellationToken cancellationToken)
        {
            var required = await db.Subjects.AsNoTracking().Where(s => s.RequiresControlWork && !s.IsPassFail)
                .Select(s => s.Id).ToListAsync(cancellationToken);
            return new Page(Form.From(tenant.Settings, required), await SubjectsAsync(cancellationToken));
        }

        /// <summary>The page again with the form as typed, for a form with errors.</summary>
        public async Task<Page> RetypeAsync(Form form, CancellationToken cancellationToken) =>
            new(form, await SubjectsAsync(cancellationToken));

        /// <summary>Saves a form the validator accepted: the school's settings and the subjects' flags in one transaction.</summary>
        public async Task SaveAsync(Form form, CancellationToken cancellationToken)
        {
            var schoolId = tenant.RequireSchoolId();
            var required = form.ControlWorkSubjects.ToHashSet();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                var school = await db.Schools.SingleAsync(s => s.Id == schoolId, cancellationToken);
                Apply(form, school.Settings);
                // Ids of another school are not found here (query filter and RLS), so they change nothing.
                foreach (var subject in await db.Subjects.ToListAsync(cancellationToken))
                {
                    subject.RequiresControlWork = !subject.IsPassFail && required.Contains(subject.Id);
                }

                await db.SaveChangesAsync(cancellationToken);
            });
        }

        private static void Apply(Form form, SchoolSettings s)
        {
            s.ThresholdFive = Decimal(form.ThresholdFive);
            s.ThresholdFour = Decimal(form.ThresholdFour);
            s.ThresholdThree = Decimal(form.ThresholdThree);
            s.MinimumMarksQuarter = Int(form.MinimumMarksQuarter);
            s.MinimumMarksTrimester = Int(form.MinimumMarksTrimester);
            s.MinimumMarksHalfYear = Int(form.MinimumMarksHalfYear);
            s.PeriodMarkWindowDays = Int(form.PeriodMarkWindowDays);
            s.PeriodMarkDueDaysBeforeEnd = Int(form.PeriodMarkDueDaysBeforeEnd);
            s.LockDays = Int(form.LockDays);
            s.PeriodMarkLockDays = Int(form.PeriodMarkLockDays);
            s.EntryDeadline = TryReadTime(form.EntryDeadline, out var time) ? time : throw Invalid();
            s.AllowMarkOne = form.AllowMarkOne;
        }

        private static decimal Decimal(string? text) => TryReadDecimal(text, out var value) ? value : throw Invalid();

        private static int Int(string? text) => TryReadInt(text, out var value) ? value : throw Invalid();

        private static InvalidOperationException Invalid() => new("The settings form was saved without validation.");

        private Task<List<SubjectRow>> SubjectsAsync(CancellationToken cancellationToken) =>
            db.Subjects.AsNoTracking().OrderBy(s => s.Name).Select(s => new SubjectRow(s.Id, s.Name, s.IsPassFail)).ToListAsync(cancellationToken);
    }
}
