using Journal.Domain.Communication;
using Journal.Web.Data;
using Journal.Web.Files;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Messaging;

/// <summary>MSG-1: a member answers in a conversation, with files; the conversation moves to the top of everyone's list.</summary>
public static class Reply
{
    public sealed class Form
    {
        private string? _text;

        /// <summary>Line breaks as «\n»: the browser sends «\r\n», which would count twice against the limit.</summary>
        public string? Text
        {
            get => _text;
            set => _text = value?.ReplaceLineEndings("\n");
        }
    }

    public sealed class Validator : FluentValidation.AbstractValidator<Form>
    {
        public Validator() => RuleFor(x => x.Text).MessageText();
    }

    /// <summary>Found false: not a member (404). Refusals: nothing was saved.</summary>
    public sealed record Outcome(bool Found, IReadOnlyList<string> Refusals);

    public sealed class Handler(JournalDbContext db, MessageFiles files, TimeProvider time, Notifications.Notifier notifier)
    {
        public async Task<Outcome> Send(Guid conversationId, Guid me, Form form, UploadBatch upload, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(form);
            var member = await db.ConversationMembers
                .SingleOrDefaultAsync(cm => cm.ConversationId == conversationId && cm.MembershipId == me, cancellationToken);
            var conversation = member is null
                ? null
                : await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
            if (member is null || conversation is null)
            {
                return new Outcome(false, []);
            }

            var accepted = await files.CheckAsync(upload, cancellationToken);
            if (accepted.Refusals.Count > 0)
            {
                return new Outcome(true, accepted.Refusals);
            }

            var now = time.GetUtcNow();
            var message = new Message { ConversationId = conversationId, AuthorId = me, Text = form.Text!.Trim(), SentAt = now };
            db.Messages.Add(message);
            files.Attach(message, accepted.Files, me);
            conversation.LastMessageAt = now;
            member.ReadUpTo = now;
            // DRY-5: the other members hear of it.
            var others = await db.ConversationMembers.AsNoTracking()
                .Where(cm => cm.ConversationId == conversationId && cm.MembershipId != me).Select(cm => cm.MembershipId)
                .ToListAsync(cancellationToken);
            var author = await db.Memberships.AsNoTracking().Where(m => m.Id == me)
                .Select(m => m.LastName + " " + m.FirstName).SingleAsync(cancellationToken);
            notifier.Message(others, conversationId, author, conversation.Subject, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(true, []);
        }
    }
}
