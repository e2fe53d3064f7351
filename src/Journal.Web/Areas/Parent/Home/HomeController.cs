using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Parent.Home;

public sealed class HomeController(JournalDbContext db, SchoolClock clock, TenantContext tenant) : ParentAreaController
{
    public sealed record Child(Guid Id, string Name, string? ClassName);

    public sealed record Model(List<Child> Children, List<MySchools.Item> OtherSchools);

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var today = clock.Today;
        var enrolledToday = Enrolled.On(today);
        var children = await (
                from link in db.ParentLinks.AsNoTracking()
                where link.ParentId == me
                join p in db.Pupils on link.PupilId equals p.Id
                orderby p.FirstName
                select new Child(
                    p.Id,
                    p.LastName + " " + p.FirstName,
                    (from e in db.Enrolments.Where(enrolledToday)
                     where e.PupilId == p.Id
                     join c in db.Classes on e.ClassId equals c.Id
                     select c.Grade + c.Letter).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var others = (await MySchools.ForUserAsync(db, tenant.UserId!.Value, cancellationToken))
            .Where(s => s.Slug != tenant.SchoolSlug).ToList();
        return View(new Model(children, others));
    }
}
