using Journal.Domain.Organization;
using Journal.Domain.People;
using Journal.Domain.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Journal.Web.Data.Configurations;

internal sealed class PupilConfiguration : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> builder)
    {
        builder.HasSchoolKey();
        builder.Property(x => x.LastName).HasMaxLength(100);
        builder.Property(x => x.FirstName).HasMaxLength(100);
        builder.Property(x => x.MiddleName).HasMaxLength(100);
        builder.References<Pupil, Membership>(x => x.MembershipId);
        builder.HasIndex(x => new { x.SchoolId, x.MembershipId }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.LastName, x.FirstName });
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasSchoolKey();
        builder.References<Enrolment, Pupil>(x => x.PupilId);
        builder.References<Enrolment, SchoolClass>(x => x.ClassId);
        builder.Property(x => x.ArrivalReason).HasMaxLength(200);
        builder.Property(x => x.ArrivalOrder).HasMaxLength(50);
        builder.Property(x => x.DepartureReason).HasMaxLength(200);
        builder.Property(x => x.DepartureOrder).HasMaxLength(50);
        builder.HasIndex(x => new { x.SchoolId, x.ClassId });
        builder.HasIndex(x => new { x.SchoolId, x.PupilId });
    }
}

internal sealed class ParentLinkConfiguration : IEntityTypeConfiguration<ParentLink>
{
    public void Configure(EntityTypeBuilder<ParentLink> builder)
    {
        builder.HasKey(x => new { x.SchoolId, x.ParentId, x.PupilId });
        builder.References<ParentLink, Membership>(x => x.ParentId);
        builder.References<ParentLink, Pupil>(x => x.PupilId);
        builder.HasIndex(x => new { x.SchoolId, x.PupilId });
    }
}
