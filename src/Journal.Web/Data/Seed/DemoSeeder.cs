using System.Diagnostics;
using System.Globalization;
using System.Text;
using Journal.Domain;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Journal.Web.Data.Seed;

/// <summary>
/// Creates the demo schools «demo» and «demo2» with a living journal around today's date, and the
/// demo accounts (password <see cref="DemoSchools.Password"/>). Idempotent: a school whose slug
/// exists is left alone, an existing account is reused. Each school is written in one transaction,
/// so a failure leaves nothing of it behind.
/// </summary>
public sealed partial class DemoSeeder(IServiceScopeFactory scopes, TimeProvider time, ILogger<DemoSeeder> logger)
{
    private const int Chunk = 4000;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureOperatorAsync(cancellationToken);
        foreach (var spec in DemoSchools.All)
        {
            await SeedSchoolAsync(spec, cancellationToken);
        }
    }

    private async Task EnsureOperatorAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(DemoSchools.OperatorLogin) is not null)
        {
            return;
        }

        var result = await users.CreateAsync(
            new AppUser { UserName = DemoSchools.OperatorLogin, DisplayName = "Оператор сервиса", IsOperator = true },
            DemoSchools.Password);
        cancellationToken.ThrowIfCancellationRequested();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo operator account was not created: {Describe(result)}");
        }

        LogOperatorCreated();
    }

    private async Task SeedSchoolAsync(DemoSchoolSpec spec, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;

        // The school's id goes to the tenant context before the DbContext opens any connection:
        // the connection interceptor hands it to PostgreSQL for row-level security.
        var schoolId = Guid.CreateVersion7();
        services.GetRequiredService<TenantContext>().EnterSchool(schoolId, spec.Slug, spec.Name, spec.TimeZoneId);
        var db = services.GetRequiredService<JournalDbContext>();
        if (await db.Schools.AsNoTracking().AnyAsync(s => s.Slug == spec.Slug, cancellationToken))
        {
            LogSkipped(spec.Slug);
            return;
        }

        var data = DemoSchoolBuilder.Build(spec, schoolId, time.GetUtcNow());
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var created = 0;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

                // Accounts first (global, no school): found by login or created, inside the school's transaction.
                var (userIds, newAccounts) = await EnsureAccountsAsync(db, users, data.Accounts.Values, cancellationToken);
                created = newAccounts;
                foreach (var membership in data.Memberships)
                {
                    membership.UserId = userIds[data.Accounts[membership.Id].Login];
                }

                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await InsertAsync(db, [data.School], cancellationToken);
                await InsertAsync(db, [data.Year], cancellationToken);
                await InsertAsync(db, data.GradePeriodKinds, cancellationToken);
                await InsertAsync(db, data.StudyPeriods, cancellationToken);
                await InsertAsync(db, data.Holidays, cancellationToken);
                await InsertAsync(db, data.Subjects, cancellationToken);
                await InsertAsync(db, data.CurriculumHours, cancellationToken);
                await InsertAsync(db, data.WorkKinds, cancellationToken);
                await InsertAsync(db, data.Rooms, cancellationToken);
                await InsertAsync(db, data.BellSlots, cancellationToken);
                await InsertAsync(db, data.Memberships, cancellationToken); // with their roles
                await InsertAsync(db, data.Classes, cancellationToken);
                await InsertAsync(db, data.Subgroups, cancellationToken);
                await InsertAsync(db, data.Pupils, cancellationToken);
                await InsertAsync(db, data.Enrolments, cancellationToken);
                await InsertAsync(db, data.SubgroupMembers, cancellationToken);
                await InsertAsync(db, data.ParentLinks, cancellationToken);
                await InsertAsync(db, data.Assignments, cancellationToken);
                await InsertAsync(db, data.Timetable, cancellationToken);
                await InsertAsync(db, data.LessonPlans, cancellationToken);
                await BulkInsertAsync(db, data.PlanTopics, cancellationToken);
                await BulkInsertAsync(db, data.Lessons, cancellationToken);
                await BulkInsertAsync(db, data.Works, cancellationToken);
                await BulkInsertAsync(db, data.Marks, cancellationToken);
                await BulkInsertAsync(db, data.Absences, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "schools" })
        {
            // Another instance seeded the same school at the same time: it is there, which is all we want.
            LogSkipped(spec.Slug);
            return;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }

        LogSeeded(
            spec.Slug, data.Classes.Count, data.Pupils.Count, data.Memberships.Count, created, data.Lessons.Count,
            data.Works.Count, data.Marks.Count, data.Absences.Count, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>The user id of every login, creating the missing accounts (passwords hashed by the UserManager's hasher).</summary>
    private static async Task<(Dictionary<string, Guid> Ids, int Created)> EnsureAccountsAsync(
        JournalDbContext db, UserManager<AppUser> users, IEnumerable<DemoAccount> accounts, CancellationToken cancellationToken)
    {
        var wanted = accounts.DistinctBy(a => a.Login).ToList();
        var byNormalized = wanted.ToDictionary(a => users.NormalizeName(a.Login)!, a => a.Login);
        var keys = byNormalized.Keys.ToList();
        var existing = await db.Users.AsNoTracking()
            .Where(u => keys.Contains(u.NormalizedUserName!))
            .Select(u => new { u.NormalizedUserName, u.Id })
            .ToListAsync(cancellationToken);
        var ids = existing.ToDictionary(u => byNormalized[u.NormalizedUserName!], u => u.Id);

        var missing = wanted.Where(a => !ids.ContainsKey(a.Login))
            .Select(a => new AppUser { UserName = a.Login, DisplayName = a.DisplayName })
            .ToList();

        // Hashing is deliberately slow (PBKDF2): do it on all cores, then create the accounts one by one.
        Parallel.ForEach(missing, user => user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoSchools.Password));
        foreach (var user in missing)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo account {user.UserName} was not created: {Describe(result)}");
            }

            ids[user.UserName!] = user.Id;
        }

        return (ids, missing.Count);
    }

    private static async Task InsertAsync<T>(JournalDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var chunk in rows.Chunk(Chunk))
        {
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The journal's bulk (tens of thousands of rows): multi-row INSERTs built from the EF model's
    /// columns and value converters, on the context's connection and so inside its transaction
    /// (row-level security applies as to any insert). About five times faster than SaveChanges.
    /// </summary>
    private static async Task BulkInsertAsync<T>(JournalDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class, ISchoolOwned
    {
        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Name: p.GetColumnName(table)!, Getter: p.GetGetter(), p.GetTypeMapping().Converter, Shadow: p.IsShadowProperty()))
            .ToList();
        if (columns.Any(c => c.Shadow) || rows.Any(r => r.SchoolId != db.Tenant.SchoolId))
        {
            throw new InvalidOperationException($"{typeof(T).Name} rows can't be bulk-inserted in this school.");
        }

        var head = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var chunk in rows.Chunk(Math.Max(1, 30_000 / columns.Count)))
        {
            var sql = new StringBuilder(head, head.Length + (chunk.Length * columns.Count * 8));
            await using var command = connection.CreateCommand();
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = columns[c].Getter.GetClrValue(chunk[r]);
                    if (value is not null && columns[c].Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                    sql.Append(c == 0 ? "$" : ", $").Append(command.Parameters.Count.ToString(CultureInfo.InvariantCulture));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description));

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo operator account created")]
    private partial void LogOperatorCreated();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo school {Slug} already exists: skipped")]
    private partial void LogSkipped(string slug);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Demo school {Slug} seeded: {Classes} classes, {Pupils} pupils, {Members} members ({NewAccounts} new accounts), "
            + "{Lessons} lessons, {Works} works, {Marks} marks, {Absences} absences in {ElapsedMs} ms")]
    private partial void LogSeeded(
        string slug, int classes, int pupils, int members, int newAccounts, int lessons, int works, int marks, int absences, long elapsedMs);
}
