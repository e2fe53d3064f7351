using Journal.Domain.Communication;
using Journal.Domain.Files;
using Journal.Domain.Organization;
using Journal.Domain.People;
using Journal.Domain.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Journal.Web.Data.Configurations;

internal sealed class InvitationCodeConfiguration : IEntityTypeConfiguration<InvitationCode>
{
    public void Configure(EntityTypeBuilder<InvitationCode> builder)
    {
        builder.HasSchoolKey();
        builder.References<InvitationCode, Pupil>(x => x.PupilId);
        builder.References<InvitationCode, Membership>(x => x.CreatedById);
        builder.References<InvitationCode, Membership>(x => x.UsedById);
        builder.Property(x => x.Code).HasMaxLength(64);
        builder.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.PupilId });
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasSchoolKey();
        builder.References<Conversation, Pupil>(x => x.PupilId);
        builder.References<Conversation, Membership>(x => x.CreatedById);
        builder.Property(x => x.Subject).HasMaxLength(200);
        builder.HasIndex(x => new { x.SchoolId, x.LastMessageAt });
    }
}

internal sealed class ConversationMemberConfiguration : IEntityTypeConfiguration<ConversationMember>
{
    public void Configure(EntityTypeBuilder<ConversationMember> builder)
    {
        builder.HasKey(x => new { x.SchoolId, x.ConversationId, x.MembershipId });
        builder.References<ConversationMember, Conversation>(x => x.ConversationId);
        builder.References<ConversationMember, Membership>(x => x.MembershipId);
        builder.HasIndex(x => new { x.SchoolId, x.MembershipId });
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.HasSchoolKey();
        builder.References<Message, Conversation>(x => x.ConversationId);
        builder.References<Message, Membership>(x => x.AuthorId);
        builder.Property(x => x.Text).HasMaxLength(10000);
        builder.HasIndex(x => new { x.SchoolId, x.ConversationId, x.SentAt });
    }
}

internal sealed class MessageFileConfiguration : IEntityTypeConfiguration<MessageFile>
{
    public void Configure(EntityTypeBuilder<MessageFile> builder)
    {
        builder.HasKey(x => new { x.SchoolId, x.MessageId, x.FileId });
        builder.References<MessageFile, Message>(x => x.MessageId);
        builder.References<MessageFile, StoredFile>(x => x.FileId);
        builder.HasIndex(x => new { x.SchoolId, x.FileId }).IsUnique();
    }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.HasSchoolKey();
        builder.References<Announcement, SchoolClass>(x => x.ClassId);
        builder.References<Announcement, Membership>(x => x.AuthorId);
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.Text).HasMaxLength(5000);
        builder.HasIndex(x => new { x.SchoolId, x.PublishedAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasSchoolKey();
        builder.References<Notification, Membership>(x => x.RecipientId);
        builder.References<Notification, Pupil>(x => x.PupilId);
        builder.Property(x => x.Text).HasMaxLength(500);
        builder.Property(x => x.Url).HasMaxLength(500);
        builder.HasIndex(x => new { x.SchoolId, x.RecipientId, x.CreatedAt });
    }
}
