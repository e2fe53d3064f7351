using Journal.Domain.Policies;

namespace Journal.Domain.Schools;

/// <summary>A school is the tenant (TEN-1). It is addressed by its slug: /s/{slug}/… (TEN-3).</summary>
public class School
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Short Latin name used in URLs, e.g. «demo».</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone id, e.g. «Asia/Yekaterinburg» (TEN-4).</summary>
    public required string TimeZoneId { get; set; }

    public bool IsSuspended { get; set; }

    public SchoolSettings Settings { get; set; } = new();
}

/// <summary>Rules that differ between schools (SPEC: per-school settings, defaults given there).</summary>
public class SchoolSettings
{
    /// <summary>LCK-1: days after the lesson when marks and attendance lock.</summary>
    public int LockDays { get; set; } = 14;

    /// <summary>DL-1: deferred entry allowed until this local time on the lesson's day.</summary>
    public TimeOnly EntryDeadline { get; set; } = new(20, 0);

    /// <summary>JRN-3: some schools also allow the mark «1».</summary>
    public bool AllowMarkOne { get; set; }

    /// <summary>AUTH-2: days an invitation code stays valid.</summary>
    public int InvitationDays { get; set; } = 30;

    /// <summary>GRD-2: the lowest averages giving «5», «4» and «3».</summary>
    public decimal ThresholdFive { get; set; } = GradingSettings.Default.ThresholdFive;

    public decimal ThresholdFour { get; set; } = GradingSettings.Default.ThresholdFour;

    public decimal ThresholdThree { get; set; } = GradingSettings.Default.ThresholdThree;

    /// <summary>GRD-3: marks a pupil needs in a quarter, a trimester, a half-year.</summary>
    public int MinimumMarksQuarter { get; set; } = GradingSettings.Default.MinimumMarksQuarter;

    public int MinimumMarksTrimester { get; set; } = GradingSettings.Default.MinimumMarksTrimester;

    public int MinimumMarksHalfYear { get; set; } = GradingSettings.Default.MinimumMarksHalfYear;

    /// <summary>DL-3: the last days of a period in which period marks are set, and the days before the end they are due.</summary>
    public int PeriodMarkWindowDays { get; set; } = GradingSettings.Default.PeriodMarkWindowDays;

    public int PeriodMarkDueDaysBeforeEnd { get; set; } = GradingSettings.Default.PeriodMarkDueDaysBeforeEnd;

    /// <summary>LCK-1: days after the end of a period when its period, year and final marks lock.</summary>
    public int PeriodMarkLockDays { get; set; } = GradingSettings.Default.LockDaysAfterPeriod;

    /// <summary>DRY-5: the school's mail server for e-mail notifications; none when the host is empty.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>The sender address, e.g. «journal@school12.ru».</summary>
    public string? SmtpFrom { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public bool SmtpUseTls { get; set; }

    /// <summary>The grading rules as the policy layer takes them.</summary>
    public GradingSettings Grading => new()
    {
        ThresholdFive = ThresholdFive,
        ThresholdFour = ThresholdFour,
        ThresholdThree = ThresholdThree,
        MinimumMarksQuarter = MinimumMarksQuarter,
        MinimumMarksTrimester = MinimumMarksTrimester,
        MinimumMarksHalfYear = MinimumMarksHalfYear,
        PeriodMarkWindowDays = PeriodMarkWindowDays,
        PeriodMarkDueDaysBeforeEnd = PeriodMarkDueDaysBeforeEnd,
        LockDaysAfterPeriod = PeriodMarkLockDays,
    };
}
