using Journal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Journal.Web.Data.Interceptors;

/// <summary>
/// New school-owned rows get the current school's id; a row of another school, or a change of a
/// row's school, is refused before it reaches the database (TEN-1).
/// </summary>
public sealed class SchoolStampInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is not JournalDbContext db)
        {
            return;
        }

        foreach (var entry in db.ChangeTracker.Entries<ISchoolOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity.SchoolId == Guid.Empty:
                    entry.Entity.SchoolId = db.Tenant.RequireSchoolId();
                    break;
                case EntityState.Added or EntityState.Deleted when entry.Entity.SchoolId != db.Tenant.SchoolId:
                case EntityState.Modified when entry.Property(x => x.SchoolId).IsModified:
                    throw new InvalidOperationException(
                        $"A {entry.Metadata.ClrType.Name} of another school can't be written in this school.");
            }
        }
    }
}
