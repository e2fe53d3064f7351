using System.Globalization;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;

namespace Journal.Domain.Policies;

/// <summary>
/// A school's grading rules (GRD-2, GRD-3, DL-3). Defaults are the SPEC's: thresholds 4.50 / 3.50 / 2.50
/// (seeds 000 §6.3, 003 §5), at least 3 marks in a quarter or trimester and 6 in a half-year (seed 003 §5),
/// period marks in the last 7 days of the period and due 2 days before its end (seeds 000 §2.3, 003 §5).
/// </summary>
public sealed record GradingSettings
{
    public static GradingSettings Default { get; } = new();

    /// <summary>The lowest average that gives «5» (a school may raise it, e.g. to 4.70).</summary>
    public decimal ThresholdFive { get; init; } = 4.50m;

    public decimal ThresholdFour { get; init; } = 3.50m;

    public decimal ThresholdThree { get; init; } = 2.50m;

    public int MinimumMarksQuarter { get; init; } = 3;

    public int MinimumMarksTrimester { get; init; } = 3;

    public int MinimumMarksHalfYear { get; init; } = 6;

    /// <summary>DL-3: how many last days of a period (its end date included) a period mark may be set in.</summary>
    public int PeriodMarkWindowDays { get; init; } = 7;

    /// <summary>DL-3: a period mark is due this many days before the period ends; later is late (DL-4), not refused.</summary>
    public int PeriodMarkDueDaysBeforeEnd { get; init; } = 2;

    /// <summary>LCK-1: period, year and final marks lock this many days after the end of the period (seed 001).</summary>
    public int LockDaysAfterPeriod { get; init; } = 14;

    public int MinimumMarks(PeriodKind kind) => kind switch
    {
        PeriodKind.Quarter => MinimumMarksQuarter,
        PeriodKind.Trimester => MinimumMarksTrimester,
        _ => MinimumMarksHalfYear,
    };

    /// <summary>GRD-2: the mark an average gives; each threshold is inclusive (3.50 gives «4»).</summary>
    public int Round(decimal average) =>
        average >= ThresholdFive ? 5
        : average >= ThresholdFour ? 4
        : average >= ThresholdThree ? 3
        : 2;

    /// <summary>The lowest average that gives <paramref name="mark"/> (3–5).</summary>
    public decimal Threshold(int mark) => mark switch
    {
        5 => ThresholdFive,
        4 => ThresholdFour,
        3 => ThresholdThree,
        _ => throw new ArgumentOutOfRangeException(nameof(mark), mark, "Порог есть только у отметок 3–5."),
    };
}

/// <summary>A mark in a journal cell with the weight of its work (JRN-2) and whether that work is a control work.</summary>
public sealed record WeightedMark(MarkValue Value, decimal Weight, bool IsControl = false);

/// <summary>
/// What the system proposes for a period or the year (GRD-4: the teacher sets the mark, and differs only with a comment).
/// </summary>
/// <param name="ExactAverage">The weighted mean, exact in decimal; null when there is no numeric mark.</param>
/// <param name="Average">For display: <see cref="ExactAverage"/> cut to two decimals (never rounded up across a threshold).</param>
/// <param name="Count">Numeric marks counted (a double mark is two).</param>
/// <param name="AverageMark">The mark the average gives (GRD-5 forecast), even when the pupil is not attested.</param>
/// <param name="Mark">The proposed mark; null when «н/а».</param>
/// <param name="IsNotAttested">«н/а» (не аттестован): too few marks or no required control work (GRD-3).</param>
/// <param name="Reason">Why «н/а», in Russian; null when the proposal is fine.</param>
public sealed record PeriodMarkProposal(
    decimal? ExactAverage,
    decimal? Average,
    int Count,
    int? AverageMark,
    int? Mark,
    bool IsNotAttested,
    string? Reason);

/// <summary>
/// GRD-1..GRD-5: the period average, the mark it gives, «н/а», the forecast and the year mark. Pure functions over
/// plain values; every average is exact decimal arithmetic (no double anywhere).
/// </summary>
public static class Grading
{
    /// <summary>
    /// GRD-1..GRD-3: the proposal for one pupil, subject and period.
    /// GRD-3 counts marks the way GRD-1 does: a double mark «5/4» is two marks (two kinds of work, JRN-3),
    /// «зачёт»/«незачёт» and «точки» none. A required control work counts only when it has a numeric mark:
    /// a «точка» under it is work still owed.
    /// </summary>
    public static PeriodMarkProposal Propose(
        IReadOnlyList<WeightedMark> marks, PeriodKind kind, GradingSettings settings, bool controlWorkRequired = false)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(settings);

        (decimal sum, decimal weights, int count) = Totals(marks);
        decimal? exact = count == 0 ? null : sum / weights;
        int? averageMark = count == 0 ? null : MarkFor(sum, weights, settings);

        List<string> reasons = [];
        int needed = settings.MinimumMarks(kind);
        if (count < needed)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Мало отметок: {count} из {needed} нужных"));
        }

        if (controlWorkRequired && !marks.Any(m => m.IsControl && m.Value.Numbers.Any()))
        {
            reasons.Add("Нет контрольной работы");
        }

        bool notAttested = reasons.Count > 0;
        return new PeriodMarkProposal(
            exact,
            ForDisplay(exact),
            count,
            averageMark,
            notAttested ? null : averageMark,
            notAttested,
            notAttested ? string.Join("; ", reasons) : null);
    }

    /// <summary>GRD-1: the weighted mean, exact; null when there is no numeric mark.</summary>
    public static decimal? Average(IReadOnlyList<WeightedMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        (decimal sum, decimal weights, int count) = Totals(marks);
        return count == 0 ? null : sum / weights;
    }

    /// <summary>
    /// GRD-5: how many marks <paramref name="added"/> in a row, each of weight 1, lift the mark the average gives
    /// to the next one. Null when there is no numeric mark yet, the average already gives «5», or such marks can
    /// never get there (e.g. «4»s never reach «5»). Only the average is looked at, not the GRD-3 minimum.
    /// </summary>
    public static int? MarksToRaise(IReadOnlyList<WeightedMark> marks, int added, GradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(settings);
        if (added is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(added), added, "A mark is 1–5.");
        }

        (decimal sum, decimal weights, int count) = Totals(marks);
        if (count == 0)
        {
            return null;
        }

        int current = MarkFor(sum, weights, settings);
        if (current == 5)
        {
            return null;
        }

        // (sum + n·added) / (weights + n) ≥ target  ⇔  n · (added − target) ≥ target·weights − sum.
        decimal target = settings.Threshold(current + 1);
        decimal gap = (target * weights) - sum;
        decimal perMark = added - target;
        if (perMark <= 0)
        {
            return null;
        }

        return (int)Math.Ceiling(gap / perMark);
    }

    /// <summary>
    /// GRD-4: the year mark proposed from the period marks (null for a period «н/а»), by the same GRD-2 rounding of
    /// their plain mean. The seeds give no rule for the year mark (000 §6, 003 §5 and 004 §3 only say it must be
    /// «обоснована»); SPEC GRD-4 says it follows the same pattern. Chosen: «н/а» periods are left out of the mean;
    /// the year is «н/а» only when no period has a mark.
    /// </summary>
    public static PeriodMarkProposal ProposeYear(IReadOnlyList<int?> periodMarks, GradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(periodMarks);
        ArgumentNullException.ThrowIfNull(settings);

        int[] attested = [.. periodMarks.OfType<int>()];
        if (Array.Exists(attested, m => m is < 1 or > 5))
        {
            throw new ArgumentOutOfRangeException(nameof(periodMarks), "A period mark is 1–5.");
        }

        if (attested.Length == 0)
        {
            return new PeriodMarkProposal(null, null, 0, null, null, true, "Нет отметок за периоды");
        }

        decimal exact = (decimal)attested.Sum() / attested.Length;
        int mark = settings.Round(exact);
        return new PeriodMarkProposal(exact, ForDisplay(exact), attested.Length, mark, mark, false, null);
    }

    /// <summary>
    /// Two decimals for the screen, cut rather than rounded: an exact 4.497 shows 4.49 and gives «4», never «4.50 → 4»
    /// (the seed's bands read «от 3,50 до 4,49 – «4»», seed 003 §5).
    /// </summary>
    private static decimal? ForDisplay(decimal? exact) =>
        exact is { } a ? Math.Round(a, 2, MidpointRounding.ToZero) : null;

    /// <summary>
    /// GRD-2 on the exact fraction: sum / weights ≥ threshold is tested as sum ≥ threshold · weights, so a mean
    /// like 3.4999… (a repeating fraction) can never be rounded up to the threshold by the division.
    /// </summary>
    private static int MarkFor(decimal sum, decimal weights, GradingSettings settings) =>
        sum >= settings.ThresholdFive * weights ? 5
        : sum >= settings.ThresholdFour * weights ? 4
        : sum >= settings.ThresholdThree * weights ? 3
        : 2;

    private static (decimal Sum, decimal Weights, int Count) Totals(IReadOnlyList<WeightedMark> marks)
    {
        decimal sum = 0m;
        decimal weights = 0m;
        int count = 0;
        foreach (WeightedMark mark in marks)
        {
            foreach (int number in mark.Value.Numbers)
            {
                if (mark.Weight <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(marks), mark.Weight, "A work's weight is positive.");
                }

                sum += number * mark.Weight;
                weights += mark.Weight;
                count++;
            }
        }

        return (sum, weights, count);
    }
}

/// <summary>
/// DL-3 and LCK-1 for period marks: a period mark is first set during the last week of the period (the last
/// <see cref="GradingSettings.PeriodMarkWindowDays"/> days, its end date included); it is due
/// <see cref="GradingSettings.PeriodMarkDueDaysBeforeEnd"/> days before the end (seeds 000 §2.3, 003 §5), and a mark
/// after that is late (DL-4), not refused. It may be set or changed until <see cref="GradingSettings.LockDaysAfterPeriod"/>
/// days after the end (seed 001, «Запрещено… по прошествии 14 дней»); then only through a correction request (LCK-2).
/// </summary>
public static class PeriodMarkDeadline
{
    public static EditDecision CanSet(DateOnly periodEnd, DateOnly date, GradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        DateOnly opens = Opens(periodEnd, settings);
        if (date < opens)
        {
            return EditDecision.Refuse(
                $"Отметку за период ставят в последнюю неделю периода: с {Format(opens)} по {Format(periodEnd)}.");
        }

        if (date > LastEditableDay(periodEnd, settings))
        {
            return EditDecision.Refuse(
                $"Период закончился {Format(periodEnd)}: прошло больше {settings.LockDaysAfterPeriod} дн., " +
                "отметки за период закрыты для изменений. Исправление — через заявку заместителю директора.");
        }

        return EditDecision.Allow;
    }

    /// <summary>LCK-1: the last local date a period mark may still be set or changed without a correction request.</summary>
    public static DateOnly LastEditableDay(DateOnly periodEnd, GradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return periodEnd.AddDays(settings.LockDaysAfterPeriod);
    }

    /// <summary>The first day a period mark may be set.</summary>
    public static DateOnly Opens(DateOnly periodEnd, GradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return periodEnd.AddDays(1 - settings.PeriodMarkWindowDays);
    }

    /// <summary>The last day a period mark is on time (DL-3: «не позднее 2-х дней до окончания учебного периода»).</summary>
    public static DateOnly DueDay(DateOnly periodEnd, GradingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return periodEnd.AddDays(-settings.PeriodMarkDueDaysBeforeEnd);
    }

    public static bool IsLate(DateOnly periodEnd, DateOnly date, GradingSettings settings) => date > DueDay(periodEnd, settings);

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
