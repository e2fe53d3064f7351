using Journal.Domain.Attestation;

namespace Journal.Domain.Lessons;

/// <summary>LCK-2: the grounds a locked mark or absence may be changed on (seed 001).</summary>
public enum CorrectionReason
{
    /// <summary>Болезнь ученика (медицинская справка).</summary>
    PupilIllness,

    /// <summary>Иная документально подтверждённая уважительная причина.</summary>
    ValidReason,

    /// <summary>Пересдача (протокол пересдачи).</summary>
    Retake,

    /// <summary>Болезнь учителя.</summary>
    TeacherIllness,
}

public enum CorrectionStatus
{
    Pending,

    /// <summary>Approved with a registration number and entered by the Deputy.</summary>
    Applied,

    Rejected,
}

/// <summary>
/// LCK-2: a teacher's request to change a locked cell (one pupil × one lesson, a mark of one work or
/// the absence), or a locked period, year, exam or final mark (one pupil × subject × kind × period; LCK-1).
/// The Deputy approves it with a registration number and enters the change, or rejects it.
/// </summary>
public class CorrectionRequest : SchoolEntity
{
    /// <summary>Sequential per school, «заявка № 12»; shown in the history as the ground.</summary>
    public int Number { get; set; }

    /// <summary>The lesson of the cell; null for a period mark.</summary>
    public Guid? LessonId { get; set; }

    public Guid PupilId { get; set; }

    /// <summary>For a period mark: the class and subject of the sheet, the year, the kind and the study period.</summary>
    public Guid? ClassId { get; set; }

    public Guid? SubjectId { get; set; }

    public Guid? AcademicYearId { get; set; }

    public AttestationKind? Attestation { get; set; }

    public Guid? StudyPeriodId { get; set; }

    /// <summary>The work whose mark changes; null for the absence.</summary>
    public Guid? WorkId { get; set; }

    public ChangeTarget Target { get; set; }

    /// <summary>What the cell held when the request was filed («» for empty).</summary>
    public string? CurrentValue { get; set; }

    /// <summary>What the teacher asks for; null to clear the cell.</summary>
    public string? RequestedValue { get; set; }

    public CorrectionReason Reason { get; set; }

    public required string Explanation { get; set; }

    /// <summary>The supporting document (справка, протокол пересдачи), a stored file.</summary>
    public Guid? DocumentFileId { get; set; }

    public Guid RequestedById { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public CorrectionStatus Status { get; set; }

    /// <summary>The registration number the Deputy gives on approval.</summary>
    public string? RegistrationNumber { get; set; }

    public string? DecisionComment { get; set; }

    public Guid? DecidedById { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The value the Deputy entered (may differ from the requested one).</summary>
    public string? AppliedValue { get; set; }
}
