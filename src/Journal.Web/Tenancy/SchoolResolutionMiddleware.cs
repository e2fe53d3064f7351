using System.Security.Claims;
using Journal.Domain;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Tenancy;

/// <summary>
/// Resolves /s/{school}/… once per request and fails closed (TEN-3): an unknown or suspended
/// school, or one the signed-in user is no member of, answers 404. A member gets the roles they
/// hold in this school, and only those, as role claims for this request.
/// </summary>
public sealed class SchoolResolutionMiddleware(RequestDelegate next)
{
    public const string RouteKey = "school";

    public async Task InvokeAsync(HttpContext context, JournalDbContext db, TenantContext tenant)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            tenant.UserId = userId;
        }

        if (context.GetRouteValue(RouteKey) is not string slug)
        {
            await next(context);
            return;
        }

        var normalizedSlug = slug.ToLowerInvariant();
        var school = await db.Schools.AsNoTracking()
            .Where(s => s.Slug == normalizedSlug && !s.IsSuspended)
            .Select(s => new { s.Id, s.Slug, s.Name, s.TimeZoneId, s.Settings })
            .SingleOrDefaultAsync(context.RequestAborted);
        if (school is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (tenant.UserId is not { } id)
        {
            // Not signed in: authorization sends the visitor to /login; no school is entered.
            await next(context);
            return;
        }

        // The school is entered for the membership query (RLS needs it) and left again on refusal,
        // so the 404 page shows nothing of the school, not even its name.
        tenant.EnterSchool(school.Id, school.Slug, school.Name, school.TimeZoneId, school.Settings);
        {
            var member = await db.Memberships.AsNoTracking()
                .Where(m => m.UserId == id)
                .Select(m => new
                {
                    m.Id,
                    m.LastName,
                    m.FirstName,
                    m.MiddleName,
                    Roles = m.Roles.Select(r => r.Role).ToList(),
                    // A class teacher while leading a class of a year not yet closed (ADM-2).
                    LeadsClass = db.Classes.Any(c => c.ClassTeacherId == m.Id
                        && db.AcademicYears.Any(y => y.Id == c.AcademicYearId && !y.IsClosed)),
                })
                .SingleOrDefaultAsync(context.RequestAborted);
            if (member is null)
            {
                tenant.LeaveSchool();
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var roles = member.Roles;
            if (member.LeadsClass)
            {
                roles.Add(SchoolRole.ClassTeacher);
            }

            var identity = new ClaimsIdentity(Policies.SchoolIdentity, ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new Claim(SchoolClaims.MembershipIdType, member.Id.ToString()));
            identity.AddClaim(new Claim(SchoolClaims.MemberName, PersonName.Full(member.LastName, member.FirstName, member.MiddleName)));
            foreach (var role in roles.Distinct())
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
            }

            user.AddIdentity(identity);
        }

        await next(context);
    }
}

public static class SchoolClaims
{
    public const string MembershipIdType = "journal:membership";
    public const string MemberName = "journal:member-name";

    public static Guid CurrentMembershipId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(MembershipIdType) ?? throw new InvalidOperationException("Not a member of the current school."));

    public static IReadOnlyList<SchoolRole> SchoolRoles(this ClaimsPrincipal user) =>
        user.Identities.Where(i => i.AuthenticationType == Policies.SchoolIdentity)
            .SelectMany(i => i.FindAll(ClaimTypes.Role))
            .Select(c => Enum.Parse<SchoolRole>(c.Value))
            .Order()
            .ToList();
}
