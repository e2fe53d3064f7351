using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Journal.Web.Data;

/// <summary>
/// TEN-2, LCK-3: the schema belongs to an owner role that runs migrations; the application connects
/// as a role that owns nothing, so it can neither switch row-level security or the history trigger
/// off nor change history: it may read and write rows, and only add to journal_changes.
/// With a single role (no owner connection configured) the application's role migrates itself.
/// </summary>
public static class DatabaseRoles
{
    public static async Task MigrateAsync(string? ownerConnection, string applicationConnection, CancellationToken cancellationToken = default)
    {
        var owner = ownerConnection ?? applicationConnection;
        await using (var db = new JournalDbContext(
                         new DbContextOptionsBuilder<JournalDbContext>().UseNpgsql(owner).UseSnakeCaseNamingConvention().Options,
                         new TenantContext()))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var appRole = new NpgsqlConnectionStringBuilder(applicationConnection).Username
            ?? throw new InvalidOperationException("The application's connection string names no user.");
        if (ownerConnection is null || appRole == new NpgsqlConnectionStringBuilder(ownerConnection).Username)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync(cancellationToken);
        var role = new NpgsqlCommandBuilder().QuoteIdentifier(appRole);
        await using var grant = new NpgsqlCommand(
            $"""
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON journal_changes, "__EFMigrationsHistory" FROM {role};
            REVOKE INSERT ON "__EFMigrationsHistory" FROM {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            """,
            connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }
}
