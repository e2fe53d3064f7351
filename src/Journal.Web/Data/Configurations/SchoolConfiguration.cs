using Journal.Domain.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Journal.Web.Data.Configurations;

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.Property(x => x.Slug).HasMaxLength(40);
        builder.HasIndex(x => x.Slug).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.TimeZoneId).HasMaxLength(64);
        builder.OwnsOne(x => x.Settings, s =>
        {
            s.Property(x => x.LockDays).HasColumnName("lock_days").HasDefaultValue(14);
            s.Property(x => x.EntryDeadline).HasColumnName("entry_deadline").HasDefaultValue(new TimeOnly(20, 0));
            s.Property(x => x.AllowMarkOne).HasColumnName("allow_mark_one").HasDefaultValue(false);
            s.Property(x => x.InvitationDays).HasColumnName("invitation_days").HasDefaultValue(30);
            s.Property(x => x.ThresholdFive).HasColumnName("threshold_five").HasPrecision(4, 2).HasDefaultValue(4.50m);
            s.Property(x => x.ThresholdFour).HasColumnName("threshold_four").HasPrecision(4, 2).HasDefaultValue(3.50m);
            s.Property(x => x.ThresholdThree).HasColumnName("threshold_three").HasPrecision(4, 2).HasDefaultValue(2.50m);
            s.Property(x => x.MinimumMarksQuarter).HasColumnName("minimum_marks_quarter").HasDefaultValue(3);
            s.Property(x => x.MinimumMarksTrimester).HasColumnName("minimum_marks_trimester").HasDefaultValue(3);
            s.Property(x => x.MinimumMarksHalfYear).HasColumnName("minimum_marks_half_year").HasDefaultValue(6);
            s.Property(x => x.PeriodMarkWindowDays).HasColumnName("period_mark_window_days").HasDefaultValue(7);
            s.Property(x => x.PeriodMarkDueDaysBeforeEnd).HasColumnName("period_mark_due_days").HasDefaultValue(2);
            s.Property(x => x.PeriodMarkLockDays).HasColumnName("period_mark_lock_days").HasDefaultValue(14);
            s.Ignore(x => x.Grading);
            s.Property(x => x.SmtpHost).HasColumnName("smtp_host").HasMaxLength(200);
            s.Property(x => x.SmtpPort).HasColumnName("smtp_port").HasDefaultValue(25);
            s.Property(x => x.SmtpFrom).HasColumnName("smtp_from").HasMaxLength(200);
            s.Property(x => x.SmtpUser).HasColumnName("smtp_user").HasMaxLength(200);
            s.Property(x => x.SmtpPassword).HasColumnName("smtp_password").HasMaxLength(200);
            s.Property(x => x.SmtpUseTls).HasColumnName("smtp_use_tls").HasDefaultValue(false);
        });
        builder.Navigation(x => x.Settings).IsRequired();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasSchoolKey();
        builder.HasIndex(x => new { x.SchoolId, x.UserId }).IsUnique();
        builder.HasIndex(x => x.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.LastName).HasMaxLength(100);
        builder.Property(x => x.FirstName).HasMaxLength(100);
        builder.Property(x => x.MiddleName).HasMaxLength(100);
        builder.HasMany(x => x.Roles).WithOne()
            .HasForeignKey(x => new { x.SchoolId, x.MembershipId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipRoleConfiguration : IEntityTypeConfiguration<MembershipRole>
{
    public void Configure(EntityTypeBuilder<MembershipRole> builder) =>
        builder.HasKey(x => new { x.SchoolId, x.MembershipId, x.Role });
}
