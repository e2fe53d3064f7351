using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Messaging;

/// <summary>
/// MSG-1: the member's unread messages, for the badge in the navigation bar of every page: one query over the member's
/// conversations (the index on conversation_members by member, on messages by conversation and time).
/// </summary>
public sealed class UnreadMessages(JournalDbContext db)
{
    public Task<int> CountAsync(Guid membershipId, CancellationToken cancellationToken) =>
        (from cm in db.ConversationMembers
         where cm.MembershipId == membershipId
         from m in db.Messages
         where m.ConversationId == cm.ConversationId && m.AuthorId != membershipId && (cm.ReadUpTo == null || m.SentAt > cm.ReadUpTo)
         select m.Id)
        .CountAsync(cancellationToken);
}
