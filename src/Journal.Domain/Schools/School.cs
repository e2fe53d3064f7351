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
}
