using Journal.Domain.People;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.ClassTeacher.Invitations;

/// <summary>
/// AUTH-2: the class teacher issues invitation codes: «Создать коды» for every current pupil still without a live one
/// (pupil and parent), «Новый код» for one pupil and role, which revokes the code it replaces.
/// </summary>
public static class IssueCodes
{
    /// <summary>Who issues, for which class, and the school's slug and invitation days the codes are made with.</summary>
    public sealed record Issuer(Guid ClassId, Guid CreatedById, string SchoolSlug, int InvitationDays, DateOnly Today, DateTimeOffset Now);

    public sealed class Handler(JournalDbContext db, InvitationList.Handler list)
    {
        /// <summary>Codes for every pupil and role that needs one; returns how many were made.</summary>
        public async Task<int> CreateMissing(Issuer issuer, CancellationToken cancellationToken)
        {
            var model = await list.Handle(new InvitationList.Query(issuer.ClassId, issuer.Today, issuer.Now), cancellationToken);
            var codes = model.Rows
                .SelectMany(r => new[] { InvitationRole.Pupil, InvitationRole.Parent }.Where(r.Needs).Select(role => New(issuer, r.PupilId, role)))
                .ToList();
            db.InvitationCodes.AddRange(codes);
            await db.SaveChangesAsync(cancellationToken);
            return codes.Count;
        }

        /// <summary>
        /// A fresh code for one pupil of the class and role, revoking the live one it replaces; false when the pupil is not
        /// in the class today (another class's, another school's) or already has their own account.
        /// </summary>
        public async Task<bool> Renew(Issuer issuer, Guid pupilId, InvitationRole role, CancellationToken cancellationToken)
        {
            var model = await list.Handle(new InvitationList.Query(issuer.ClassId, issuer.Today, issuer.Now), cancellationToken);
            if (model.Rows.SingleOrDefault(r => r.PupilId == pupilId) is not { } row
                || (role == InvitationRole.Pupil && row.Registered))
            {
                return false;
            }

            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.InvitationCodes
                    .Where(c => c.PupilId == pupilId && c.Role == role && c.UsedAt == null && !c.IsRevoked)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsRevoked, true), cancellationToken);
                db.InvitationCodes.Add(New(issuer, pupilId, role));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return true;
        }

        private static InvitationCode New(Issuer issuer, Guid pupilId, InvitationRole role) => new()
        {
            PupilId = pupilId,
            Role = role,
            Code = InvitationCodeFormat.New(issuer.SchoolSlug),
            CreatedById = issuer.CreatedById,
            CreatedAt = issuer.Now,
            ExpiresAt = issuer.Now.AddDays(issuer.InvitationDays),
        };
    }
}
