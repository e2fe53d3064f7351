using Journal.Domain.Files;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.People;
using Journal.Domain.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Journal.Web.Data.Configurations;

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.HasSchoolKey();
        builder.References<Lesson, TeachingAssignment>(x => x.AssignmentId);
        builder.References<Lesson, Room>(x => x.RoomId);
        builder.References<Lesson, TimetableEntry>(x => x.TimetableEntryId);
        builder.References<Lesson, Membership>(x => x.SubstituteTeacherId);
        builder.References<Lesson, PlanTopic>(x => x.PlanTopicId);
        builder.Property(x => x.Topic).HasMaxLength(500);
        builder.Property(x => x.Homework).HasMaxLength(4000);
        builder.HasIndex(x => new { x.SchoolId, x.AssignmentId, x.Date, x.LessonNumber }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.Date });
    }
}

internal sealed class WorkKindConfiguration : IEntityTypeConfiguration<WorkKind>
{
    public void Configure(EntityTypeBuilder<WorkKind> builder)
    {
        builder.HasSchoolKey();
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
    }
}

internal sealed class WorkConfiguration : IEntityTypeConfiguration<Work>
{
    public void Configure(EntityTypeBuilder<Work> builder)
    {
        builder.HasSchoolKey();
        builder.References<Work, Lesson>(x => x.LessonId);
        builder.References<Work, WorkKind>(x => x.KindId);
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.HasIndex(x => new { x.SchoolId, x.LessonId });
    }
}

internal sealed class MarkConfiguration : IEntityTypeConfiguration<Mark>
{
    public void Configure(EntityTypeBuilder<Mark> builder)
    {
        builder.HasSchoolKey();
        builder.References<Mark, Work>(x => x.WorkId);
        builder.References<Mark, Pupil>(x => x.PupilId);
        builder.References<Mark, Membership>(x => x.AuthorId);
        builder.Property(x => x.Comment).HasMaxLength(500);
        builder.HasIndex(x => new { x.SchoolId, x.WorkId, x.PupilId }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.PupilId });
    }
}

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> builder)
    {
        builder.HasSchoolKey();
        builder.References<Absence, Lesson>(x => x.LessonId);
        builder.References<Absence, Pupil>(x => x.PupilId);
        builder.References<Absence, Membership>(x => x.AuthorId);
        builder.HasIndex(x => new { x.SchoolId, x.LessonId, x.PupilId }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.PupilId });
    }
}

internal sealed class JournalChangeConfiguration : IEntityTypeConfiguration<JournalChange>
{
    public void Configure(EntityTypeBuilder<JournalChange> builder)
    {
        builder.HasSchoolKey();
        builder.References<JournalChange, Lesson>(x => x.LessonId);
        builder.References<JournalChange, Pupil>(x => x.PupilId);
        builder.References<JournalChange, Work>(x => x.WorkId);
        builder.References<JournalChange, Membership>(x => x.AuthorId);
        builder.References<JournalChange, CorrectionRequest>(x => x.CorrectionRequestId);
        builder.Property(x => x.OldValue).HasMaxLength(8);
        builder.Property(x => x.NewValue).HasMaxLength(8);
        // One save (operation) may change a mark and an absence, never the same target twice.
        builder.HasIndex(x => new { x.SchoolId, x.OperationId, x.Target }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.LessonId });
        builder.HasIndex(x => new { x.SchoolId, x.At });
    }
}

internal sealed class LessonPlanConfiguration : IEntityTypeConfiguration<LessonPlan>
{
    public void Configure(EntityTypeBuilder<LessonPlan> builder)
    {
        builder.HasSchoolKey();
        builder.References<LessonPlan, AcademicYear>(x => x.AcademicYearId);
        builder.References<LessonPlan, Subject>(x => x.SubjectId);
        builder.References<LessonPlan, Membership>(x => x.AuthorId);
        builder.HasIndex(x => new { x.SchoolId, x.AcademicYearId, x.SubjectId, x.Grade }).IsUnique();
    }
}

internal sealed class PlanTopicConfiguration : IEntityTypeConfiguration<PlanTopic>
{
    public void Configure(EntityTypeBuilder<PlanTopic> builder)
    {
        builder.HasSchoolKey();
        builder.References<PlanTopic, LessonPlan>(x => x.PlanId);
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.Homework).HasMaxLength(4000);
        builder.HasIndex(x => new { x.SchoolId, x.PlanId, x.Position }).IsUnique();
    }
}

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.HasSchoolKey();
        builder.References<CorrectionRequest, Lesson>(x => x.LessonId);
        builder.References<CorrectionRequest, Pupil>(x => x.PupilId);
        builder.References<CorrectionRequest, SchoolClass>(x => x.ClassId);
        builder.References<CorrectionRequest, Subject>(x => x.SubjectId);
        builder.References<CorrectionRequest, AcademicYear>(x => x.AcademicYearId);
        builder.References<CorrectionRequest, StudyPeriod>(x => x.StudyPeriodId);
        // A request is about a lesson's cell or about a period mark, never both.
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_correction_requests_cell_or_period_mark",
            "(lesson_id IS NOT NULL AND subject_id IS NULL) OR (lesson_id IS NULL AND subject_id IS NOT NULL AND class_id IS NOT NULL AND academic_year_id IS NOT NULL AND attestation IS NOT NULL)"));
        builder.References<CorrectionRequest, Work>(x => x.WorkId);
        builder.References<CorrectionRequest, StoredFile>(x => x.DocumentFileId);
        builder.References<CorrectionRequest, Membership>(x => x.RequestedById);
        builder.References<CorrectionRequest, Membership>(x => x.DecidedById);
        builder.Property(x => x.CurrentValue).HasMaxLength(8);
        builder.Property(x => x.RequestedValue).HasMaxLength(8);
        builder.Property(x => x.AppliedValue).HasMaxLength(8);
        builder.Property(x => x.Explanation).HasMaxLength(1000);
        builder.Property(x => x.RegistrationNumber).HasMaxLength(50);
        builder.Property(x => x.DecisionComment).HasMaxLength(1000);
        builder.HasIndex(x => new { x.SchoolId, x.Number }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.Status });
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasSchoolKey();
        builder.References<StoredFile, Membership>(x => x.UploadedById);
        builder.Property(x => x.FileName).HasMaxLength(255);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class FileContentConfiguration : IEntityTypeConfiguration<FileContent>
{
    public void Configure(EntityTypeBuilder<FileContent> builder)
    {
        builder.HasKey(x => new { x.SchoolId, x.FileId });
        builder.References<FileContent, StoredFile>(x => x.FileId);
    }
}

internal sealed class HomeworkFileConfiguration : IEntityTypeConfiguration<HomeworkFile>
{
    public void Configure(EntityTypeBuilder<HomeworkFile> builder)
    {
        builder.HasKey(x => new { x.SchoolId, x.LessonId, x.FileId });
        builder.References<HomeworkFile, Lesson>(x => x.LessonId);
        builder.References<HomeworkFile, StoredFile>(x => x.FileId);
        builder.HasIndex(x => new { x.SchoolId, x.FileId }).IsUnique();
    }
}
