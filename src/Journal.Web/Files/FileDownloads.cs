using System.Security.Claims;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Files;

/// <summary>The signed-in member asking for a file: their membership in the current school and the roles they hold there.</summary>
public sealed record FileViewer(Guid MembershipId, IReadOnlyCollection<SchoolRole> Roles)
{
    public static FileViewer Of(ClaimsPrincipal user) => new(user.CurrentMembershipId(), user.SchoolRoles());

    public bool Has(SchoolRole role) => Roles.Contains(role);

    /// <summary>The Deputy and the Admin see every file attached to something of the school.</summary>
    public bool IsSchoolStaff => Has(SchoolRole.Deputy) || Has(SchoolRole.Admin);
}

public sealed record FileDownload(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// Who may download a stored file: whoever may see what it is attached to. Each kind of attachment is
/// one case answering «the ids of this file the viewer may see» (empty or one row); a new kind (a
/// message's attachment, <see cref="MessageAttachment"/>) is one more case added to <see cref="VisibleAttachments"/>. A file attached to
/// nothing, or of another school (the school filter), is found by nobody: the caller answers 404.
/// </summary>
public sealed class FileDownloads(JournalDbContext db)
{
    /// <summary>The file with its bytes, in one query, or null when the viewer may not see it.</summary>
    public Task<FileDownload?> OpenAsync(Guid fileId, FileViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var visible = VisibleAttachments(fileId, viewer);
        return db.StoredFiles.AsNoTracking()
            .Where(f => f.Id == fileId && visible.Any())
            .Select(f => new FileDownload(
                f.FileName, f.ContentType, db.FileContents.Where(c => c.FileId == f.Id).Select(c => c.Bytes).First()))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private IQueryable<Guid> VisibleAttachments(Guid fileId, FileViewer viewer) =>
        HomeworkFile(fileId, viewer)
            .Concat(CorrectionDocument(fileId, viewer))
            .Concat(MessageAttachment(fileId, viewer));

    /// <summary>
    /// JRN-7: a homework file is seen by the lesson's teacher or substitute, the class teacher, the Deputy,
    /// the Admin, and a pupil who is in the lesson's class (and group, for a group's lesson) on the lesson's
    /// date, and that pupil's parents.
    /// </summary>
    private IQueryable<Guid> HomeworkFile(Guid fileId, FileViewer viewer)
    {
        var links = db.HomeworkFiles.Where(h => h.FileId == fileId);
        if (viewer.IsSchoolStaff)
        {
            return links.Select(h => h.FileId);
        }

        var me = viewer.MembershipId;
        var teacher = viewer.Has(SchoolRole.Teacher);
        var classTeacher = viewer.Has(SchoolRole.ClassTeacher);
        var children = MyPupils(viewer);
        return from h in links
               join l in db.Lessons on h.LessonId equals l.Id
               join a in db.TeachingAssignments on l.AssignmentId equals a.Id
               where (teacher && (a.TeacherId == me || l.SubstituteTeacherId == me))
                     || (classTeacher && db.Classes.Any(c => c.Id == a.ClassId && c.ClassTeacherId == me))
                     || children.Any(pupil =>
                         // Enrolled.On for the lesson's date, which is a column here, not a parameter.
                         db.Enrolments.Any(e => e.PupilId == pupil && e.ClassId == a.ClassId
                                                && e.FromDate <= l.Date && (e.ToDate == null || e.ToDate >= l.Date))
                         && (a.SubgroupId == null
                             || db.SubgroupMembers.Any(m => m.SubgroupId == a.SubgroupId && m.PupilId == pupil)))
               select h.FileId;
    }

    /// <summary>LCK-2: a correction request's document is seen by the teacher who filed it, the Deputy and the Admin.</summary>
    private IQueryable<Guid> CorrectionDocument(Guid fileId, FileViewer viewer)
    {
        var staff = viewer.IsSchoolStaff;
        var me = viewer.MembershipId;
        return db.CorrectionRequests
            .Where(r => r.DocumentFileId == fileId && (staff || r.RequestedById == me))
            .Select(r => r.DocumentFileId!.Value);
    }

    /// <summary>
    /// MSG-1: a message's file is seen by the members of the message's conversation, and by nobody else: not the
    /// Deputy, not the Admin (correspondence is private to those in it).
    /// </summary>
    private IQueryable<Guid> MessageAttachment(Guid fileId, FileViewer viewer)
    {
        var me = viewer.MembershipId;
        return from f in db.MessageFiles
               where f.FileId == fileId
               join m in db.Messages on f.MessageId equals m.Id
               where db.ConversationMembers.Any(cm => cm.ConversationId == m.ConversationId && cm.MembershipId == me)
               select f.FileId;
    }

    /// <summary>The pupils the viewer sees as themselves (Student) or as a parent (Parent).</summary>
    private IQueryable<Guid> MyPupils(FileViewer viewer)
    {
        var me = viewer.MembershipId;
        var student = viewer.Has(SchoolRole.Student);
        var parent = viewer.Has(SchoolRole.Parent);
        return db.Pupils.Where(p => student && p.MembershipId == me).Select(p => p.Id)
            .Concat(db.ParentLinks.Where(p => parent && p.ParentId == me).Select(p => p.PupilId));
    }
}
