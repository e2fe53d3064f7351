namespace Journal.Web.Tenancy;

/// <summary>
/// Who the current unit of work acts for: the school (TEN-1) and the signed-in account. Scoped:
/// one per request or per background job. The data layer filters by it and the connection
/// interceptor hands it to PostgreSQL for row-level security.
/// </summary>
public sealed class TenantContext
{
    public Guid? SchoolId { get; private set; }

    public string? SchoolSlug { get; private set; }

    public string? SchoolName { get; private set; }

    public string? TimeZoneId { get; private set; }

    public Guid? UserId { get; set; }

    public void EnterSchool(Guid schoolId, string slug, string name, string timeZoneId)
    {
        SchoolId = schoolId;
        SchoolSlug = slug;
        SchoolName = name;
        TimeZoneId = timeZoneId;
    }

    public Guid RequireSchoolId() =>
        SchoolId ?? throw new InvalidOperationException("No current school: school-owned data can't be written.");
}
