using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Messaging;

/// <summary>MSG-1: the member's conversations, newest first, with the unread count of each. One query whatever their number.</summary>
public static class ConversationList
{
    /// <summary>The list shows this many; older conversations are not lost, only not listed.</summary>
    public const int Shown = 100;

    public sealed record Row(
        Guid Id, string Subject, DateTimeOffset LastMessageAt, int Unread, IReadOnlyList<string> Others, string? Pupil, string? LastText);

    public sealed class Handler(JournalDbContext db)
    {
        public Task<List<Row>> Handle(Guid me, CancellationToken cancellationToken) =>
            (from cm in db.ConversationMembers.AsNoTracking()
             where cm.MembershipId == me
             join c in db.Conversations on cm.ConversationId equals c.Id
             orderby c.LastMessageAt descending, c.Id descending
             select new Row(
                 c.Id,
                 c.Subject,
                 c.LastMessageAt,
                 db.Messages.Count(m => m.ConversationId == c.Id && m.AuthorId != me && (cm.ReadUpTo == null || m.SentAt > cm.ReadUpTo)),
                 (from o in db.ConversationMembers
                  where o.ConversationId == c.Id && o.MembershipId != me
                  join m in db.Memberships on o.MembershipId equals m.Id
                  orderby m.LastName, m.FirstName
                  select m.LastName + " " + m.FirstName).ToList(),
                 db.Pupils.Where(p => p.Id == c.PupilId).Select(p => p.LastName + " " + p.FirstName).FirstOrDefault(),
                 db.Messages.Where(m => m.ConversationId == c.Id).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
                     .Select(m => m.Text.Substring(0, 160)).FirstOrDefault()))
            .Take(Shown)
            .ToListAsync(cancellationToken);
    }
}
