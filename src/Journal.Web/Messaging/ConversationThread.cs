using Journal.Domain;
using Journal.Web.Data;
using Journal.Web.Files;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Messaging;

/// <summary>
/// MSG-1: one conversation as its member sees it: the members, the messages oldest first with their files, which of them
/// are new to this member. Opening it marks everything shown as read. Not a member: null (404), as if it did not exist.
/// </summary>
public static class ConversationThread
{
    public sealed record FileRow(Guid Id, string Name, long Length)
    {
        public string Size => FileSize.Text(Length);
    }

    public sealed record MessageRow(Guid Id, bool Mine, string Author, string Text, DateTimeOffset SentAt, bool IsNew, IReadOnlyList<FileRow> Files);

    public sealed record Model(Guid Id, string Subject, string? Pupil, IReadOnlyList<string> Members, IReadOnlyList<MessageRow> Messages);

    public sealed class Handler(JournalDbContext db)
    {
        public async Task<Model?> Open(Guid id, Guid me, CancellationToken cancellationToken)
        {
            var conversation = await (
                    from cm in db.ConversationMembers.AsNoTracking()
                    where cm.ConversationId == id && cm.MembershipId == me
                    join c in db.Conversations on cm.ConversationId equals c.Id
                    select new
                    {
                        c.Id,
                        c.Subject,
                        cm.ReadUpTo,
                        Pupil = db.Pupils.Where(p => p.Id == c.PupilId).Select(p => p.LastName + " " + p.FirstName).FirstOrDefault(),
                        Members = (from o in db.ConversationMembers
                                   where o.ConversationId == c.Id
                                   join m in db.Memberships on o.MembershipId equals m.Id
                                   orderby m.LastName, m.FirstName
                                   select new { m.Id, m.LastName, m.FirstName, m.MiddleName }).ToList(),
                    })
                .SingleOrDefaultAsync(cancellationToken);
            if (conversation is null)
            {
                return null;
            }

            var messages = await (
                    from m in db.Messages.AsNoTracking()
                    where m.ConversationId == id
                    join a in db.Memberships on m.AuthorId equals a.Id
                    orderby m.SentAt, m.Id
                    select new { m.Id, m.AuthorId, a.LastName, a.FirstName, a.MiddleName, m.Text, m.SentAt })
                .ToListAsync(cancellationToken);
            var files = (await (
                    from f in db.MessageFiles.AsNoTracking()
                    join m in db.Messages on f.MessageId equals m.Id
                    where m.ConversationId == id
                    join s in db.StoredFiles on f.FileId equals s.Id
                    orderby s.UploadedAt, s.Id
                    select new { f.MessageId, Row = new FileRow(s.Id, s.FileName, s.Length) })
                .ToListAsync(cancellationToken))
                .ToLookup(f => f.MessageId, f => f.Row);

            if (messages.Count > 0 && messages[^1].SentAt is var last && (conversation.ReadUpTo is null || conversation.ReadUpTo < last))
            {
                await db.ConversationMembers
                    .Where(cm => cm.ConversationId == id && cm.MembershipId == me && (cm.ReadUpTo == null || cm.ReadUpTo < last))
                    .ExecuteUpdateAsync(s => s.SetProperty(cm => cm.ReadUpTo, last), cancellationToken);
            }

            return new Model(
                conversation.Id,
                conversation.Subject,
                conversation.Pupil,
                [.. conversation.Members.Select(m => PersonName.Full(m.LastName, m.FirstName, m.MiddleName))],
                [.. messages.Select(m => new MessageRow(
                    m.Id,
                    m.AuthorId == me,
                    PersonName.WithInitials(m.LastName, m.FirstName, m.MiddleName),
                    m.Text,
                    m.SentAt,
                    m.AuthorId != me && (conversation.ReadUpTo is null || m.SentAt > conversation.ReadUpTo),
                    [.. files[m.Id]]))]);
        }
    }
}
