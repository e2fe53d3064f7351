using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Student.Home;

public sealed class HomeController(JournalDbContext db, SchoolClock clock) : StudentAreaController
{
    public sealed record Model(string Name, string? ClassName, DateOnly Today, List<DayLessons.Row> Lessons);

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = User.CurrentMembershipId();
        var today = clock.Today;
        var enrolledToday = Enrolled.On(today);
        var pupil = await (
                from p in db.Pupils.AsNoTracking()
                where p.MembershipId == me
                select new
                {
                    p.Id,
                    Name = p.LastName + " " + p.FirstName,
                    Class = (from e in db.Enrolments.Where(enrolledToday)
                             where e.PupilId == p.Id
                             join c in db.Classes on e.ClassId equals c.Id
                             select new { c.Id, Name = c.Grade + c.Letter }).FirstOrDefault(),
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (pupil is null)
        {
            return NotFound();
        }

        var lessons = pupil.Class is null
            ? []
            : await DayLessons.ForPupilAsync(db, pupil.Id, pupil.Class.Id, today, cancellationToken);
        return View(new Model(pupil.Name, pupil.Class?.Name, today, lessons));
    }
}
