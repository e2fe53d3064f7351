using Journal.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Data.Queries;

/// <summary>The academic year holding a date, or the nearest one before it (in summer, the year just ended).</summary>
public static class CurrentYear
{
    public static Task<AcademicYear?> ForAsync(JournalDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        db.AcademicYears.AsNoTracking()
            .OrderByDescending(y => y.StartDate <= today)
            .ThenByDescending(y => y.StartDate)
            .FirstOrDefaultAsync(cancellationToken);
}
