using Journal.Domain.Attestation;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.People;
using Journal.Domain.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Journal.Web.Data.Configurations;

internal sealed class PeriodMarkConfiguration : IEntityTypeConfiguration<PeriodMark>
{
    public void Configure(EntityTypeBuilder<PeriodMark> builder)
    {
        builder.HasSchoolKey();
        builder.References<PeriodMark, Pupil>(x => x.PupilId);
        builder.References<PeriodMark, Subject>(x => x.SubjectId);
        builder.References<PeriodMark, AcademicYear>(x => x.AcademicYearId);
        builder.References<PeriodMark, StudyPeriod>(x => x.StudyPeriodId);
        builder.References<PeriodMark, Membership>(x => x.AuthorId);
        builder.Property(x => x.Value).HasMaxLength(8);
        builder.Property(x => x.Proposal).HasMaxLength(8);
        builder.Property(x => x.Comment).HasMaxLength(500);
        // One mark per pupil × subject × year × kind × period; the year, exam and final marks have no period.
        builder.HasIndex(x => new { x.SchoolId, x.PupilId, x.SubjectId, x.AcademicYearId, x.Kind, x.StudyPeriodId })
            .IsUnique()
            .AreNullsDistinct(false);
        builder.HasIndex(x => new { x.SchoolId, x.SubjectId, x.AcademicYearId });
    }
}

internal sealed class PeriodMarkChangeConfiguration : IEntityTypeConfiguration<PeriodMarkChange>
{
    public void Configure(EntityTypeBuilder<PeriodMarkChange> builder)
    {
        builder.HasSchoolKey();
        builder.References<PeriodMarkChange, Pupil>(x => x.PupilId);
        builder.References<PeriodMarkChange, Subject>(x => x.SubjectId);
        builder.References<PeriodMarkChange, AcademicYear>(x => x.AcademicYearId);
        builder.References<PeriodMarkChange, StudyPeriod>(x => x.StudyPeriodId);
        builder.References<PeriodMarkChange, Membership>(x => x.AuthorId);
        builder.References<PeriodMarkChange, CorrectionRequest>(x => x.CorrectionRequestId);
        builder.Property(x => x.OldValue).HasMaxLength(8);
        builder.Property(x => x.NewValue).HasMaxLength(8);
        builder.Property(x => x.Comment).HasMaxLength(500);
        builder.HasIndex(x => new { x.SchoolId, x.PupilId, x.SubjectId, x.AcademicYearId });
        builder.HasIndex(x => new { x.SchoolId, x.At });
    }
}
