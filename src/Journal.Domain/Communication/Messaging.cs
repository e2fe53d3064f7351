namespace Journal.Domain.Communication;

/// <summary>
/// MSG-1: a conversation between members of one school (a parent or pupil and teachers, the class teacher, the
/// administration). Optionally about one pupil, so a teacher writing to «the parents of Иванов Пётр» finds it again.
/// </summary>
public class Conversation : SchoolEntity
{
    public required string Subject { get; set; }

    /// <summary>The pupil the conversation is about, if any.</summary>
    public Guid? PupilId { get; set; }

    public Guid CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last message was written: conversations are listed newest first.</summary>
    public DateTimeOffset LastMessageAt { get; set; }
}

/// <summary>A member of a conversation, with what they have read (the unread counter, MSG-2).</summary>
public class ConversationMember : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid ConversationId { get; set; }

    public Guid MembershipId { get; set; }

    /// <summary>The time of the last message this member has seen; null: nothing read yet.</summary>
    public DateTimeOffset? ReadUpTo { get; set; }
}

public class Message : SchoolEntity
{
    public Guid ConversationId { get; set; }

    public Guid AuthorId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A file attached to a message (same limits as homework files, JRN-7).</summary>
public class MessageFile : ISchoolOwned
{
    public Guid SchoolId { get; set; }

    public Guid MessageId { get; set; }

    public Guid FileId { get; set; }
}

/// <summary>DRY-3: a school-wide announcement, or one for a class (ClassId set), shown on the diary's front page.</summary>
public class Announcement : SchoolEntity
{
    public required string Title { get; set; }

    public required string Text { get; set; }

    /// <summary>Null: the whole school.</summary>
    public Guid? ClassId { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Shown until this date (included); null: until removed.</summary>
    public DateOnly? ShowUntil { get; set; }
}

public enum NotificationKind
{
    Mark,
    Homework,
    Message,
    Announcement,
}

/// <summary>DRY-5: an in-app notification of a new mark, homework, message or announcement for one member.</summary>
public class Notification : SchoolEntity
{
    public Guid RecipientId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The pupil it is about (a parent with several children sees whose mark it is).</summary>
    public Guid? PupilId { get; set; }

    public required string Text { get; set; }

    /// <summary>Where it leads, a path inside the school («/s/demo/parent/diary?…»).</summary>
    public string? Url { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Sent by e-mail (DRY-5), when the school has a mail server and the person an address.</summary>
    public DateTimeOffset? MailedAt { get; set; }
}
