using Journal.Domain;
using Journal.Domain.People;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Invitations;

/// <summary>AUTH-2: the class's current pupils with their pupil and parent invitation codes, as the class teacher sees them.</summary>
public static class InvitationList
{
    public sealed record Query(Guid ClassId, DateOnly Today, DateTimeOffset Now);

    public enum CodeState
    {
        Live,
        Used,
        Expired,
    }

    public sealed record Code(Guid Id, string Text, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, CodeState State);

    public sealed record Row(Guid PupilId, string Name, string ShortName, bool Registered, int Parents, Code? PupilCode, Code? ParentCode)
    {
        /// <summary>«Создать коды» gives this pupil a code of the role: none is live, and the role is still to be taken.</summary>
        public bool Needs(InvitationRole role) => role == InvitationRole.Pupil
            ? !Registered && PupilCode?.State != CodeState.Live
            : ParentCode is null || ParentCode.State == CodeState.Expired;
    }

    public sealed record Model(IReadOnlyList<Row> Rows)
    {
        public int Missing => Rows.Sum(r => (r.Needs(InvitationRole.Pupil) ? 1 : 0) + (r.Needs(InvitationRole.Parent) ? 1 : 0));
    }

    public sealed class Handler(JournalDbContext db)
    {
        /// <summary>Two queries whatever the class size: the pupils, then their codes.</summary>
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var pupils = await (
                    from e in db.Enrolments.AsNoTracking().Where(Enrolled.On(query.Today))
                    where e.ClassId == query.ClassId
                    join p in db.Pupils on e.PupilId equals p.Id
                    orderby p.LastName, p.FirstName, p.MiddleName
                    select new
                    {
                        p.Id,
                        p.LastName,
                        p.FirstName,
                        p.MiddleName,
                        Registered = p.MembershipId != null,
                        Parents = db.ParentLinks.Count(l => l.PupilId == p.Id),
                    })
                .ToListAsync(cancellationToken);
            var ids = pupils.Select(p => p.Id).ToList();
            var codes = await db.InvitationCodes.AsNoTracking()
                .Where(c => ids.Contains(c.PupilId) && !c.IsRevoked)
                .OrderByDescending(c => c.CreatedAt)
                .Select(c => new { c.Id, c.PupilId, c.Role, c.Code, c.ExpiresAt, c.UsedAt })
                .ToListAsync(cancellationToken);

            Code? Latest(Guid pupilId, InvitationRole role) =>
                codes.Where(c => c.PupilId == pupilId && c.Role == role)
                    .Select(c => new Code(
                        c.Id, InvitationCodeFormat.Display(c.Code), c.ExpiresAt, c.UsedAt,
                        c.UsedAt is not null ? CodeState.Used : c.ExpiresAt <= query.Now ? CodeState.Expired : CodeState.Live))
                    .FirstOrDefault();

            return new Model(pupils.Select(p => new Row(
                    p.Id,
                    PersonName.Full(p.LastName, p.FirstName, p.MiddleName),
                    PersonName.WithInitials(p.LastName, p.FirstName, null),
                    p.Registered,
                    p.Parents,
                    Latest(p.Id, InvitationRole.Pupil),
                    Latest(p.Id, InvitationRole.Parent)))
                .ToList());
        }
    }
}
