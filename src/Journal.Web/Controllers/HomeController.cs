using System.Security.Claims;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Controllers;

/// <summary>Where a signed-in person lands: their school, the school picker, or the operator's console.</summary>
[Authorize]
public sealed class HomeController(JournalDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var schools = await MySchools.ForUserAsync(db, CurrentUserId, cancellationToken);
        return (schools.Count, User.HasClaim(Policies.OperatorClaim, "true")) switch
        {
            (0, true) => Redirect("/operator"),
            (1, false) => Redirect($"/s/{schools[0].Slug}"),
            _ => View("Schools", schools),
        };
    }

    [HttpGet("/schools")]
    public async Task<IActionResult> Schools(CancellationToken cancellationToken) =>
        View(await MySchools.ForUserAsync(db, CurrentUserId, cancellationToken));

    private Guid CurrentUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
