namespace Journal.Domain.Schools;

/// <summary>
/// A person's place in one school: the account (which spans schools) joined to the school,
/// with the roles held there. Teachers, class teachers and parents are referred to by their
/// membership, so a reference can never point into another school.
/// </summary>
public class Membership : SchoolEntity
{
    public Guid UserId { get; set; }

    /// <summary>Name as the school knows the person, e.g. «Иванова Мария Петровна».</summary>
    public required string LastName { get; set; }

    public required string FirstName { get; set; }

    public string? MiddleName { get; set; }

    public List<MembershipRole> Roles { get; set; } = [];

    public string FullName => PersonName.Full(LastName, FirstName, MiddleName);

    public string ShortName => PersonName.WithInitials(LastName, FirstName, MiddleName);
}

public class MembershipRole : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid MembershipId { get; set; }

    public SchoolRole Role { get; set; }
}
