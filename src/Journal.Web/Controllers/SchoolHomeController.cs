using Journal.Domain.Schools;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Controllers;

/// <summary>/s/{school}: the school's home for the person's main role there.</summary>
[Authorize]
public sealed class SchoolHomeController(TenantContext tenant) : Controller
{
    public IActionResult Index()
    {
        var roles = User.SchoolRoles();
        if (roles.Count == 0)
        {
            return NotFound();
        }

        return Redirect($"/s/{tenant.SchoolSlug}/{AreaOf(roles[0])}");
    }

    /// <summary>The URL segment of a role's area (areas are named after roles).</summary>
    public static string AreaOf(SchoolRole role) => role.ToString().ToLowerInvariant();
}
