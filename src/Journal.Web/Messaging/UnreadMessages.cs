using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Messaging;

/// <summary>
/// MSG-1: the member's unread messages, for the badge in the navigation bar of every page: one query over the member's
/// conversations (the index on conversation_members by member, on messages by conversation and time).
/// </summary>
public sealed class UnreadMessages(JournalDbContext db)
{
    /// <summary>What the navigation bar counts: unread messages (MSG-1) and unread notifications (DRY-5).</summary>
    public sealed record Counts(int Messages, int Notifications);

    /// <summary>Both counters of the navigation bar in one query.</summary>
    public async Task<Counts> CountsAsync(Guid membershipId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking()
            .Where(x => x.Id == membershipId)
            .Select(x => new Counts(
                (from cm in db.ConversationMembers
                 where cm.MembershipId == membershipId
                 from m in db.Messages
                 where m.ConversationId == cm.ConversationId && m.AuthorId != membershipId && (cm.ReadUpTo == null || m.SentAt > cm.ReadUpTo)
                 select m.Id).Count(),
                db.Notifications.Count(n => n.RecipientId == membershipId && n.ReadAt == null)))
            .SingleOrDefaultAsync(cancellationToken) ?? new Counts(0, 0);

    public Task<int> CountAsync(Guid membershipId, CancellationToken cancellationToken) =>
        (from cm in db.ConversationMembers
         where cm.MembershipId == membershipId
         from m in db.Messages
         where m.ConversationId == cm.ConversationId && m.AuthorId != membershipId && (cm.ReadUpTo == null || m.SentAt > cm.ReadUpTo)
         select m.Id)
        .CountAsync(cancellationToken);
}
