using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data.Queries;

/// <summary>Classes of a year with their class teacher, pupils on a date and number of journals: one query.</summary>
public static class ClassList
{
    public sealed record Row(Guid Id, string Name, string? ClassTeacher, int Pupils, int Journals);

    public static Task<List<Row>> ForYearAsync(JournalDbContext db, Guid yearId, DateOnly onDate, CancellationToken cancellationToken)
    {
        var enrolledOnDate = Enrolled.On(onDate);
        return db.Classes.AsNoTracking()
            .Where(c => c.AcademicYearId == yearId)
            .OrderBy(c => c.Grade).ThenBy(c => c.Letter)
            .Select(c => new Row(
                c.Id,
                c.Grade + c.Letter,
                db.Memberships.Where(m => m.Id == c.ClassTeacherId)
                    .Select(m => m.LastName + " " + m.FirstName + " " + (m.MiddleName ?? "")).FirstOrDefault(),
                db.Enrolments.Where(enrolledOnDate).Count(e => e.ClassId == c.Id),
                db.TeachingAssignments.Count(a => a.ClassId == c.Id)))
            .ToListAsync(cancellationToken);
    }
}
