namespace Journal.Domain.People;

/// <summary>A pupil of the school: the personal card's core (ORG-6). The account, if any, is a Student membership.</summary>
public class Pupil : SchoolEntity
{
    public required string LastName { get; set; }

    public required string FirstName { get; set; }

    public string? MiddleName { get; set; }

    public DateOnly BirthDate { get; set; }

    public Sex Sex { get; set; }

    /// <summary>The pupil's own account in this school (Student role), if registered.</summary>
    public Guid? MembershipId { get; set; }

    public string FullName => PersonName.Full(LastName, FirstName, MiddleName);
}

public enum Sex
{
    Male,
    Female,
}

/// <summary>
/// A pupil's stay in a class (ORG-2): arrival and departure with date, reason and order number.
/// Movement history is the list of enrolments; rows are closed, never deleted.
/// </summary>
public class Enrolment : SchoolEntity
{
    public Guid PupilId { get; set; }

    public Guid ClassId { get; set; }

    public DateOnly FromDate { get; set; }

    public string? ArrivalReason { get; set; }

    public string? ArrivalOrder { get; set; }

    /// <summary>Last day in the class; null while the pupil is in it.</summary>
    public DateOnly? ToDate { get; set; }

    public string? DepartureReason { get; set; }

    public string? DepartureOrder { get; set; }

    public bool IsActiveOn(DateOnly date) => FromDate <= date && (ToDate is null || date <= ToDate);
}

/// <summary>A parent's (законный представитель) link to a pupil.</summary>
public class ParentLink : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid ParentId { get; set; }

    public Guid PupilId { get; set; }
}
