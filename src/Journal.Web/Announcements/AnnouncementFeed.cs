using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Announcements;

/// <summary>
/// DRY-3: the announcements a pupil or a parent sees on their front page: the school's and those of the classes the
/// pupil (or the parent's children) are in today, still shown. Two queries.
/// </summary>
public sealed class AnnouncementFeedViewComponent(JournalDbContext db, SchoolClock clock) : ViewComponent
{
    public sealed record Item(string Title, string Text, string? ClassName, DateTimeOffset PublishedAt);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.CurrentMembershipId();
        var today = clock.Today;
        var classIds = await db.Enrolments.AsNoTracking().Where(Enrolled.On(today))
            .Where(e => db.Pupils.Any(p => p.Id == e.PupilId && p.MembershipId == me)
                        || db.ParentLinks.Any(l => l.PupilId == e.PupilId && l.ParentId == me))
            .Select(e => e.ClassId)
            .Distinct()
            .ToListAsync();
        var items = await (
                from a in db.Announcements.AsNoTracking()
                where (a.ClassId == null || classIds.Contains(a.ClassId.Value)) && (a.ShowUntil == null || a.ShowUntil >= today)
                from c in db.Classes.Where(c => c.Id == a.ClassId).DefaultIfEmpty()
                orderby a.PublishedAt descending
                select new Item(a.Title, a.Text, c == null ? null : c.Grade + c.Letter, a.PublishedAt))
            .Take(10)
            .ToListAsync();
        return View("~/Announcements/_Feed.cshtml", items);
    }
}
