using Journal.Domain.Communication;
using Journal.Domain.Attestation;
using System.Linq.Expressions;
using Journal.Domain;
using Journal.Domain.Files;
using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.People;
using Journal.Domain.Schools;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data;

public class JournalDbContext(DbContextOptions<JournalDbContext> options, TenantContext tenant)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>The name of the one query filter every school-owned entity carries (TEN-2).</summary>
    public const string SchoolFilter = "School";

    public TenantContext Tenant { get; } = tenant;

    /// <summary>Read by the query filter at execution time; Guid.Empty (no school) matches nothing.</summary>
    internal Guid CurrentSchoolId => Tenant.SchoolId ?? Guid.Empty;

    public DbSet<School> Schools => Set<School>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<MembershipRole> MembershipRoles => Set<MembershipRole>();

    public DbSet<AcademicYear> AcademicYears => Set<AcademicYear>();

    public DbSet<GradePeriodKind> GradePeriodKinds => Set<GradePeriodKind>();

    public DbSet<StudyPeriod> StudyPeriods => Set<StudyPeriod>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<SchoolClass> Classes => Set<SchoolClass>();

    public DbSet<Subgroup> Subgroups => Set<Subgroup>();

    public DbSet<SubgroupMember> SubgroupMembers => Set<SubgroupMember>();

    public DbSet<Subject> Subjects => Set<Subject>();

    public DbSet<CurriculumHours> CurriculumHours => Set<CurriculumHours>();

    public DbSet<TeachingAssignment> TeachingAssignments => Set<TeachingAssignment>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<BellSlot> BellSlots => Set<BellSlot>();

    public DbSet<TimetableEntry> TimetableEntries => Set<TimetableEntry>();

    public DbSet<Pupil> Pupils => Set<Pupil>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<ParentLink> ParentLinks => Set<ParentLink>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<WorkKind> WorkKinds => Set<WorkKind>();

    public DbSet<Work> Works => Set<Work>();

    public DbSet<Mark> Marks => Set<Mark>();

    public DbSet<Absence> Absences => Set<Absence>();

    public DbSet<JournalChange> JournalChanges => Set<JournalChange>();

    public DbSet<LessonPlan> LessonPlans => Set<LessonPlan>();

    public DbSet<PlanTopic> PlanTopics => Set<PlanTopic>();

    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<FileContent> FileContents => Set<FileContent>();

    public DbSet<HomeworkFile> HomeworkFiles => Set<HomeworkFile>();

    public DbSet<PeriodMark> PeriodMarks => Set<PeriodMark>();

    public DbSet<PeriodMarkChange> PeriodMarkChanges => Set<PeriodMarkChange>();

    public DbSet<InvitationCode> InvitationCodes => Set<InvitationCode>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<MessageFile> MessageFiles => Set<MessageFile>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MarkValue>().HaveConversion<MarkValueConverter>().HaveMaxLength(8);
        configurationBuilder.Properties<decimal>().HavePrecision(6, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<AppUser>().Property(x => x.DisplayName).HasMaxLength(200);
        builder.ApplyConfigurationsFromAssembly(typeof(JournalDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes()
                     .Where(e => typeof(ISchoolOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            // TEN-2, first layer: one named filter for every school-owned entity.
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ISchoolOwned.SchoolId)),
                    Expression.Property(Expression.Constant(this), nameof(CurrentSchoolId))),
                row);
            builder.Entity(entity.ClrType).HasQueryFilter(SchoolFilter, filter);

            // Every school-owned row points at its school; history is never deleted by cascade.
            builder.Entity(entity.ClrType).HasOne(typeof(School)).WithMany()
                .HasForeignKey(nameof(ISchoolOwned.SchoolId)).OnDelete(DeleteBehavior.Restrict);
            foreach (var key in entity.GetForeignKeys())
            {
                key.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }
}
