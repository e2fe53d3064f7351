using Journal.Domain.Lessons;

namespace Journal.Domain.Attestation;

/// <summary>What a mark of the attestation is for (GRD-4): a study period, the year, the exam, the final mark.</summary>
public enum AttestationKind
{
    Period,
    Year,
    Exam,
    Final,
}

/// <summary>
/// A pupil's mark for a study period, the year, an exam or the final (итоговая) mark in one subject (GRD-4).
/// One per pupil × subject × year × kind (× period); its changes are kept in <see cref="PeriodMarkChange"/> (LCK-3).
/// </summary>
public class PeriodMark : SchoolEntity
{
    public Guid PupilId { get; set; }

    public Guid SubjectId { get; set; }

    public Guid AcademicYearId { get; set; }

    public AttestationKind Kind { get; set; }

    /// <summary>The quarter, trimester or half-year; null for the year, exam and final marks.</summary>
    public Guid? StudyPeriodId { get; set; }

    /// <summary>The mark's code: «5»…«1», «н/а», «зач», «незач», «осв».</summary>
    public required string Value { get; set; }

    /// <summary>What the system proposed when the mark was set («н/а», «4»; null when nothing was proposed).</summary>
    public string? Proposal { get; set; }

    /// <summary>Why the mark differs from the proposal (GRD-4: required then).</summary>
    public string? Comment { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset SetAt { get; set; }

    /// <summary>Set after the DL-3 due day: allowed, counted by monitoring (DL-4).</summary>
    public bool IsLate { get; set; }
}

/// <summary>One change of a period, year, exam or final mark (LCK-3). Append-only: the database refuses updates and deletes.</summary>
public class PeriodMarkChange : SchoolEntity
{
    public Guid PupilId { get; set; }

    public Guid SubjectId { get; set; }

    public Guid AcademicYearId { get; set; }

    public AttestationKind Kind { get; set; }

    public Guid? StudyPeriodId { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Comment { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset At { get; set; }

    public ChangeGround Ground { get; set; }

    public bool IsLate { get; set; }

    public Guid? CorrectionRequestId { get; set; }
}
