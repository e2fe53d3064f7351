using Journal.Domain.People;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Invitations;

/// <summary>
/// AUTH-2: the code's holder becomes the pupil's Parent (a parent link) or Student (the pupil's own membership) in the
/// code's school, and the code is used, in one transaction. The code is claimed with
/// <c>UPDATE … WHERE used_at IS NULL</c>: of two registrations racing with one code, the second waits for the first
/// and then finds nothing to update, and everything it did is rolled back.
/// </summary>
public static class RedeemInvitation
{
    public enum Outcome
    {
        Done,

        /// <summary>Used, revoked or expired meanwhile, or the pupil got an account meanwhile: nothing changed.</summary>
        Taken,

        /// <summary>The account already is another pupil's own account in this school.</summary>
        AlreadyAPupil,
    }

    /// <summary>The person's name as the school will know them (a new account's form, or an existing account's name).</summary>
    public sealed record Person(string LastName, string FirstName, string? MiddleName);

    public sealed class Handler(JournalDbContext db, TimeProvider time)
    {
        /// <summary>
        /// Redeems the code for the account <paramref name="userId"/>. <paramref name="createAccount"/>, when given, makes
        /// that account first inside the same transaction (a new registration): a failure there returns its errors.
        /// </summary>
        public async Task<(Outcome Outcome, IReadOnlyList<string> Errors)> Handle(
            FindInvitation.Found invitation, Guid userId, Person person,
            Func<Task<IReadOnlyList<string>>>? createAccount, CancellationToken cancellationToken)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (createAccount is not null && await createAccount() is { Count: > 0 } errors)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return (Outcome.Done, errors);
                }

                var outcome = await RedeemAsync(invitation, userId, person, cancellationToken);
                if (outcome == Outcome.Done)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }

                return (outcome, (IReadOnlyList<string>)[]);
            });
        }

        private async Task<Outcome> RedeemAsync(FindInvitation.Found invitation, Guid userId, Person person, CancellationToken cancellationToken)
        {
            var role = invitation.Role == InvitationRole.Parent ? SchoolRole.Parent : SchoolRole.Student;
            var membership = await db.Memberships.Include(m => m.Roles).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
            if (membership is null)
            {
                membership = new Membership
                {
                    UserId = userId,
                    LastName = person.LastName,
                    FirstName = person.FirstName,
                    MiddleName = person.MiddleName,
                };
                db.Memberships.Add(membership);
            }
            else if (role == SchoolRole.Student && await db.Pupils.AnyAsync(p => p.MembershipId == membership.Id, cancellationToken))
            {
                return Outcome.AlreadyAPupil;
            }

            if (membership.Roles.All(r => r.Role != role))
            {
                membership.Roles.Add(new MembershipRole { MembershipId = membership.Id, Role = role });
            }

            if (role == SchoolRole.Parent
                && !await db.ParentLinks.AnyAsync(l => l.ParentId == membership.Id && l.PupilId == invitation.PupilId, cancellationToken))
            {
                db.ParentLinks.Add(new ParentLink { ParentId = membership.Id, PupilId = invitation.PupilId });
            }

            await db.SaveChangesAsync(cancellationToken);
            if (role == SchoolRole.Student)
            {
                var membershipId = membership.Id;
                var taken = await db.Pupils
                    .Where(p => p.Id == invitation.PupilId && p.MembershipId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.MembershipId, membershipId), cancellationToken);
                if (taken == 0)
                {
                    return Outcome.Taken;
                }
            }

            var now = time.GetUtcNow();
            var usedById = membership.Id;
            var claimed = await db.InvitationCodes
                .Where(c => c.Id == invitation.CodeId && c.UsedAt == null && !c.IsRevoked && c.ExpiresAt > now)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.UsedAt, now).SetProperty(c => c.UsedById, usedById), cancellationToken);
            return claimed == 1 ? Outcome.Done : Outcome.Taken;
        }
    }
}
