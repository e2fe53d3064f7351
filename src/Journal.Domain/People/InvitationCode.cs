namespace Journal.Domain.People;

/// <summary>Whom an invitation code makes of its holder: the pupil themselves or one of their parents (AUTH-2).</summary>
public enum InvitationRole
{
    Pupil,
    Parent,
}

/// <summary>
/// AUTH-2: a code the class teacher hands out; whoever registers with it becomes the pupil's Student or Parent in this
/// school. Single-use (a parent code: each parent gets their own), expires after the school's invitation days.
/// </summary>
public class InvitationCode : SchoolEntity
{
    public Guid PupilId { get; set; }

    public InvitationRole Role { get; set; }

    /// <summary>What is typed: the school's slug and two groups of letters and digits, «demo-K7M3-Q9XT», stored upper-case.</summary>
    public required string Code { get; set; }

    public Guid CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the code was used; a used code is never accepted again.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>The membership created or joined with the code.</summary>
    public Guid? UsedById { get; set; }

    /// <summary>Replaced by a new code (regenerated) before it was used.</summary>
    public bool IsRevoked { get; set; }
}
