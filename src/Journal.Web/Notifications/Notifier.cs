using System.Globalization;
using Journal.Domain.Communication;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Data.Queries;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Notifications;

/// <summary>
/// DRY-5: in-app notifications of a new mark or homework for the pupil and each of their parents. Adds them to the
/// caller's unit of work, so a notification exists exactly when what it announces was saved; one query for the
/// recipients whatever their number.
/// </summary>
public sealed class Notifier(JournalDbContext db, TenantContext tenant)
{
    private sealed record Recipient(Guid MembershipId, Guid PupilId, bool IsParent);

    public async Task MarkAsync(
        Guid pupilId, DateOnly lessonDate, string subject, string workKind, string mark, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = $"{subject}: отметка «{mark}» ({workKind.ToLowerInvariant()}) за {Format(lessonDate)}";
        foreach (var recipient in await RecipientsAsync([pupilId], cancellationToken))
        {
            Add(recipient, NotificationKind.Mark, text, lessonDate, now);
        }
    }

    /// <summary>The homework of a lesson, for every pupil in it and their parents.</summary>
    public async Task HomeworkAsync(
        IReadOnlyCollection<Guid> pupilIds, DateOnly lessonDate, string subject, string homework, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var shortened = homework.Length > 120 ? string.Concat(homework.AsSpan(0, 119), "…") : homework;
        var text = $"{subject}: задание к уроку {Format(lessonDate)} — {shortened}";
        foreach (var recipient in await RecipientsAsync(pupilIds, cancellationToken))
        {
            Add(recipient, NotificationKind.Homework, text, lessonDate, now);
        }
    }

    /// <summary>A new message, for the conversation's members other than its author.</summary>
    public void Message(IEnumerable<Guid> recipients, Guid conversationId, string authorName, string subject, DateTimeOffset now)
    {
        var text = $"Новое сообщение от {authorName}: «{subject}»";
        foreach (var recipient in recipients.Distinct())
        {
            db.Notifications.Add(new Notification
            {
                RecipientId = recipient,
                Kind = NotificationKind.Message,
                Text = text.Length > 500 ? text[..500] : text,
                Url = $"/s/{tenant.SchoolSlug}/messages/{conversationId}",
                CreatedAt = now.ToUniversalTime(),
            });
        }
    }

    /// <summary>The pupils of a lesson (its class or subgroup, on its date): whom its homework concerns. One query.</summary>
    public Task<List<Guid>> PupilsOfLessonAsync(Guid assignmentId, DateOnly date, CancellationToken cancellationToken) =>
        (from a in db.TeachingAssignments.AsNoTracking()
         where a.Id == assignmentId
         from e in db.Enrolments.Where(Enrolled.On(date))
         where e.ClassId == a.ClassId
               && (a.SubgroupId == null || db.SubgroupMembers.Any(m => m.SubgroupId == a.SubgroupId && m.PupilId == e.PupilId))
         select e.PupilId)
        .ToListAsync(cancellationToken);

    private void Add(Recipient recipient, NotificationKind kind, string text, DateOnly date, DateTimeOffset now)
    {
        var week = SchoolClock.WeekStart(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        db.Notifications.Add(new Notification
        {
            RecipientId = recipient.MembershipId,
            Kind = kind,
            PupilId = recipient.PupilId,
            Text = text.Length > 500 ? text[..500] : text,
            Url = recipient.IsParent
                ? $"/s/{tenant.SchoolSlug}/parent/diary?pupil={recipient.PupilId}&week={week}"
                : $"/s/{tenant.SchoolSlug}/student/diary?week={week}",
            CreatedAt = now.ToUniversalTime(),
        });
    }

    private async Task<List<Recipient>> RecipientsAsync(IReadOnlyCollection<Guid> pupilIds, CancellationToken cancellationToken)
    {
        var ids = pupilIds.ToList();
        var rows = await db.Pupils.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.MembershipId != null)
            .Select(p => new { Member = p.MembershipId!.Value, Pupil = p.Id, IsParent = false })
            .Concat(db.ParentLinks.AsNoTracking().Where(l => ids.Contains(l.PupilId))
                .Select(l => new { Member = l.ParentId, Pupil = l.PupilId, IsParent = true }))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Recipient(r.Member, r.Pupil, r.IsParent))];
    }

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
