using Journal.Domain.Schools;

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

    /// <summary>The current school's rules (lock days, deadline, mark scale), loaded with the school.</summary>
    public SchoolSettings Settings { get; private set; } = new();

    public void EnterSchool(Guid schoolId, string slug, string name, string timeZoneId, SchoolSettings? settings = null)
    {
        SchoolId = schoolId;
        SchoolSlug = slug;
        SchoolName = name;
        TimeZoneId = timeZoneId;
        Settings = settings ?? new SchoolSettings();
    }

    /// <summary>Forgets the school: nothing of it (not even its name) may reach a page after a refusal.</summary>
    public void LeaveSchool()
    {
        SchoolId = null;
        SchoolSlug = null;
        SchoolName = null;
        TimeZoneId = null;
        Settings = new SchoolSettings();
    }

    public Guid RequireSchoolId() =>
        SchoolId ?? throw new InvalidOperationException("No current school: school-owned data can't be written.");
}
