using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data.Queries;

/// <summary>The schools a person belongs to.</summary>
public static class MySchools
{
    public sealed record Item(string Slug, string Name);

    public static Task<List<Item>> ForUserAsync(JournalDbContext db, Guid userId, CancellationToken cancellationToken) =>
        // Before a school is chosen there is no current school: read the person's own memberships
        // across schools. RLS allows exactly these rows (policy own_memberships on app.user_id).
        db.Memberships.IgnoreQueryFilters([JournalDbContext.SchoolFilter]).AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Schools.Where(s => !s.IsSuspended), m => m.SchoolId, s => s.Id, (m, s) => s)
            .OrderBy(s => s.Name)
            .Select(s => new Item(s.Slug, s.Name))
            .ToListAsync(cancellationToken);
}
