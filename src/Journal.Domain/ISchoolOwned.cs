namespace Journal.Domain;

/// <summary>
/// A row that belongs to one school (tenant, TEN-1). Its key is (SchoolId, Id); the data layer
/// filters every query by the current school and PostgreSQL row-level security backs that up.
/// </summary>
public interface ISchoolOwned
{
    Guid SchoolId { get; set; }
}

/// <summary>Base for school-owned entities keyed by (SchoolId, Id).</summary>
public abstract class SchoolEntity : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();
}
