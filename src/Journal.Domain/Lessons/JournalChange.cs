namespace Journal.Domain.Lessons;

/// <summary>What a change was made on (LCK-3).</summary>
public enum ChangeGround
{
    /// <summary>Ordinary entry by the teacher before the lock.</summary>
    Entry,

    /// <summary>After the lock, through an approved correction request (LCK-2).</summary>
    Correction,

    /// <summary>A retake mark entered by the Deputy from the retake protocol.</summary>
    Retake,
}

public enum ChangeTarget
{
    Mark,
    Absence,

    /// <summary>A period, year, exam or final mark (correction requests only; their history is period_mark_changes).</summary>
    PeriodMark,
}

/// <summary>
/// One change of a mark or an absence (LCK-3): who, when, old value, new value, on what ground.
/// Append-only: the database refuses to update or delete these rows.
/// </summary>
public class JournalChange : SchoolEntity
{
    /// <summary>The client-made id of the save: a retried save is recognised and never applied twice.</summary>
    public Guid OperationId { get; set; }

    public Guid LessonId { get; set; }

    public Guid PupilId { get; set; }

    /// <summary>The work a mark belongs to; null for an absence.</summary>
    public Guid? WorkId { get; set; }

    public ChangeTarget Target { get; set; }

    /// <summary>Code before the change («5», «н»…); null when the cell was empty.</summary>
    public string? OldValue { get; set; }

    /// <summary>Code after the change; null when the cell was cleared.</summary>
    public string? NewValue { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset At { get; set; }

    public ChangeGround Ground { get; set; }

    /// <summary>Entered after the deadline (DL-1..3): allowed, counted in the monitoring.</summary>
    public bool IsLate { get; set; }

    /// <summary>The correction request the change was made on (ground Correction or Retake).</summary>
    public Guid? CorrectionRequestId { get; set; }
}
