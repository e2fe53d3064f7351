using Journal.Domain.Organization;
using Journal.Domain.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Journal.Web.Data.Configurations;

internal sealed class AcademicYearConfiguration : IEntityTypeConfiguration<AcademicYear>
{
    public void Configure(EntityTypeBuilder<AcademicYear> builder)
    {
        builder.HasSchoolKey();
        builder.Property(x => x.Name).HasMaxLength(20);
        builder.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
    }
}

internal sealed class GradePeriodKindConfiguration : IEntityTypeConfiguration<GradePeriodKind>
{
    public void Configure(EntityTypeBuilder<GradePeriodKind> builder)
    {
        builder.HasKey(x => new { x.SchoolId, x.AcademicYearId, x.Grade });
        builder.References<GradePeriodKind, AcademicYear>(x => x.AcademicYearId);
    }
}

internal sealed class StudyPeriodConfiguration : IEntityTypeConfiguration<StudyPeriod>
{
    public void Configure(EntityTypeBuilder<StudyPeriod> builder)
    {
        // Named: period marks reference study periods, and a reference configured first would name the key «ak_…».
        builder.HasKey(x => new { x.SchoolId, x.Id }).HasName("pk_study_periods");
        builder.References<StudyPeriod, AcademicYear>(x => x.AcademicYearId);
        builder.HasIndex(x => new { x.SchoolId, x.AcademicYearId, x.Kind, x.Number }).IsUnique();
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.HasSchoolKey();
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.References<Holiday, AcademicYear>(x => x.AcademicYearId);
    }
}

internal sealed class SchoolClassConfiguration : IEntityTypeConfiguration<SchoolClass>
{
    public void Configure(EntityTypeBuilder<SchoolClass> builder)
    {
        builder.ToTable("classes");
        builder.HasSchoolKey();
        builder.Property(x => x.Letter).HasMaxLength(4);
        builder.References<SchoolClass, AcademicYear>(x => x.AcademicYearId);
        builder.References<SchoolClass, Membership>(x => x.ClassTeacherId);
        builder.HasIndex(x => new { x.SchoolId, x.AcademicYearId, x.Grade, x.Letter }).IsUnique();
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.HasSchoolKey();
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.ShortName).HasMaxLength(20);
        builder.Property(x => x.RequiresControlWork).HasDefaultValue(false);
        builder.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
    }
}

internal sealed class SubgroupConfiguration : IEntityTypeConfiguration<Subgroup>
{
    public void Configure(EntityTypeBuilder<Subgroup> builder)
    {
        builder.HasSchoolKey();
        builder.Property(x => x.Name).HasMaxLength(50);
        builder.References<Subgroup, SchoolClass>(x => x.ClassId);
        builder.References<Subgroup, Subject>(x => x.SubjectId);
        builder.HasIndex(x => new { x.SchoolId, x.ClassId, x.SubjectId, x.Name }).IsUnique();
    }
}

internal sealed class SubgroupMemberConfiguration : IEntityTypeConfiguration<SubgroupMember>
{
    public void Configure(EntityTypeBuilder<SubgroupMember> builder)
    {
        builder.HasKey(x => new { x.SchoolId, x.SubgroupId, x.PupilId });
        builder.References<SubgroupMember, Subgroup>(x => x.SubgroupId);
        builder.References<SubgroupMember, Domain.People.Pupil>(x => x.PupilId);
    }
}

internal sealed class CurriculumHoursConfiguration : IEntityTypeConfiguration<CurriculumHours>
{
    public void Configure(EntityTypeBuilder<CurriculumHours> builder)
    {
        builder.HasSchoolKey();
        builder.References<CurriculumHours, AcademicYear>(x => x.AcademicYearId);
        builder.References<CurriculumHours, Subject>(x => x.SubjectId);
        builder.HasIndex(x => new { x.SchoolId, x.AcademicYearId, x.SubjectId, x.Grade }).IsUnique();
    }
}

internal sealed class TeachingAssignmentConfiguration : IEntityTypeConfiguration<TeachingAssignment>
{
    public void Configure(EntityTypeBuilder<TeachingAssignment> builder)
    {
        builder.HasSchoolKey();
        builder.References<TeachingAssignment, SchoolClass>(x => x.ClassId);
        builder.References<TeachingAssignment, Subject>(x => x.SubjectId);
        builder.References<TeachingAssignment, Subgroup>(x => x.SubgroupId);
        builder.References<TeachingAssignment, Membership>(x => x.TeacherId);
        builder.HasIndex(x => new { x.SchoolId, x.TeacherId });
        builder.HasIndex(x => new { x.SchoolId, x.ClassId, x.SubjectId });
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.HasSchoolKey();
        builder.Property(x => x.Name).HasMaxLength(50);
        builder.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
    }
}

internal sealed class BellSlotConfiguration : IEntityTypeConfiguration<BellSlot>
{
    public void Configure(EntityTypeBuilder<BellSlot> builder)
    {
        builder.HasSchoolKey();
        builder.HasIndex(x => new { x.SchoolId, x.Number }).IsUnique();
    }
}

internal sealed class TimetableEntryConfiguration : IEntityTypeConfiguration<TimetableEntry>
{
    public void Configure(EntityTypeBuilder<TimetableEntry> builder)
    {
        builder.HasSchoolKey();
        builder.References<TimetableEntry, AcademicYear>(x => x.AcademicYearId);
        builder.References<TimetableEntry, TeachingAssignment>(x => x.AssignmentId);
        builder.References<TimetableEntry, Room>(x => x.RoomId);
        builder.HasIndex(x => new { x.SchoolId, x.AcademicYearId, x.DayOfWeek, x.LessonNumber });
        builder.HasIndex(x => new { x.SchoolId, x.AssignmentId });
    }
}
