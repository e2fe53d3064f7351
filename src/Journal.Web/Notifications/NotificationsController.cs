using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Notifications;

/// <summary>DRY-5: a member's notifications, newest first; opening the list marks them read.</summary>
[Authorize]
[Route("s/{school}/notifications")]
public sealed class NotificationsController(JournalDbContext db, TimeProvider time) : Controller
{
    public sealed record Row(DateTimeOffset At, string Text, string? Url, bool IsNew);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == me)
            .OrderByDescending(n => n.CreatedAt)
            .Take(100)
            .Select(n => new Row(n.CreatedAt, n.Text, n.Url, n.ReadAt == null))
            .ToListAsync(cancellationToken);
        if (rows.Exists(r => r.IsNew))
        {
            var now = time.GetUtcNow();
            await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
        }

        return View("~/Notifications/Index.cshtml", rows);
    }
}
