using Journal.Domain;
using Journal.Domain.People;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Invitations;

/// <summary>
/// AUTH-2: what a typed invitation code opens. The slug before the code picks the school, which is entered so row-level
/// security lets the lookup run; a code that is unknown, used, revoked, expired or of a school that doesn't exist is one
/// and the same «not found», and the school is left again, so nothing tells a guesser which part was wrong.
/// </summary>
public static class FindInvitation
{
    public const string NotFoundMessage = "Код не найден или уже недействителен.";

    /// <summary>A live code, and what it may show of its pupil: surname, initial and class.</summary>
    public sealed record Found(
        Guid CodeId, string Code, Guid SchoolId, string SchoolSlug, InvitationRole Role, Guid PupilId, string PupilShortName, string ClassName)
    {
        public string Purpose => Role == InvitationRole.Parent
            ? $"родитель ученика {PupilShortName}, {ClassName}"
            : $"ученик {PupilShortName}, {ClassName}";
    }

    public sealed class Handler(JournalDbContext db, TenantContext tenant, TimeProvider time)
    {
        public async Task<Found?> Handle(string? typed, CancellationToken cancellationToken)
        {
            if (InvitationCodeFormat.Normalize(typed) is not { } code)
            {
                return null;
            }

            var slug = InvitationCodeFormat.SlugOf(code);
            var school = await db.Schools.AsNoTracking()
                .Where(s => s.Slug == slug && !s.IsSuspended)
                .Select(s => new { s.Id, s.Slug, s.Name, s.TimeZoneId, s.Settings })
                .SingleOrDefaultAsync(cancellationToken);
            if (school is null)
            {
                return null;
            }

            tenant.EnterSchool(school.Id, school.Slug, school.Name, school.TimeZoneId, school.Settings);
            var now = time.GetUtcNow();
            var today = SchoolClock.For(time, school.TimeZoneId).Today;
            var found = await (
                    from c in db.InvitationCodes.AsNoTracking()
                    where c.Code == code && c.UsedAt == null && !c.IsRevoked && c.ExpiresAt > now
                    join p in db.Pupils on c.PupilId equals p.Id
                    // A pupil with an account of their own can't be registered as a pupil a second time.
                    where c.Role == InvitationRole.Parent || p.MembershipId == null
                    select new
                    {
                        c.Id,
                        c.Role,
                        PupilId = p.Id,
                        p.LastName,
                        p.FirstName,
                        ClassName = (from e in db.Enrolments.Where(Enrolled.On(today))
                                     where e.PupilId == p.Id
                                     join k in db.Classes on e.ClassId equals k.Id
                                     select k.Grade + k.Letter).FirstOrDefault(),
                    })
                .SingleOrDefaultAsync(cancellationToken);
            // A pupil who has left the school is no longer registered for.
            if (found?.ClassName is null)
            {
                tenant.LeaveSchool();
                return null;
            }

            return new Found(
                found.Id, code, school.Id, school.Slug, found.Role, found.PupilId,
                PersonName.WithInitials(found.LastName, found.FirstName, null), found.ClassName);
        }
    }
}
