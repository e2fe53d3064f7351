using Journal.Domain.Organization;
using Journal.Web.Data;
using Journal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>TEN-2: isolation in the database itself, and the key layout that makes cross-school rows impossible.</summary>
public sealed class DatabaseIsolationTests(JournalApp app)
{
    private Task<Sql> OpenAsync(Guid? school) => Sql.OpenAsync(app, school);

    [Fact]
    public async Task Raw_sql_on_a_connection_set_to_school_A_returns_none_of_school_Bs_rows()
    {
        var a = await app.SchoolIdAsync("demo");
        var b = await app.SchoolIdAsync("demo2");
        await using var connection = await OpenAsync(a);

        foreach (var table in await connection.SchoolOwnedTablesAsync())
        {
            (await connection.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE school_id = @b", ("b", b))).ShouldBe(0, table);
            (await connection.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE school_id <> @a", ("a", a))).ShouldBe(0, table);
        }

        (await connection.ScalarAsync<long>("SELECT count(*) FROM pupils")).ShouldBeGreaterThan(100);
        (await connection.ScalarAsync<long>("SELECT count(*) FROM marks")).ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task A_connection_with_no_school_set_sees_no_school_owned_row()
    {
        await using var connection = await OpenAsync(null);

        foreach (var table in await connection.SchoolOwnedTablesAsync())
        {
            if (table == "memberships")
            {
                continue; // readable by app.user_id only, which is not set here either: checked below
            }

            (await connection.ScalarAsync<long>($"SELECT count(*) FROM {table}")).ShouldBe(0, table);
        }

        (await connection.ScalarAsync<long>("SELECT count(*) FROM memberships")).ShouldBe(0);
    }

    [Fact]
    public async Task Writing_a_row_of_school_B_on_a_connection_set_to_school_A_is_refused_by_the_database()
    {
        var a = await app.SchoolIdAsync("demo");
        var b = await app.SchoolIdAsync("demo2");
        await using var connection = await OpenAsync(a);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO rooms (school_id, id, name) VALUES (@b, @id, 'Чужой кабинет')", connection.Connection);
        insert.Parameters.AddWithValue("b", b);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());

        var error = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task Every_school_owned_table_has_forced_row_level_security_with_the_school_policy()
    {
        await using var connection = await OpenAsync(null);
        var tables = await connection.SchoolOwnedTablesAsync();
        tables.Count.ShouldBeGreaterThan(20);

        foreach (var table in tables)
        {
            (await connection.ScalarAsync<long>("""
                SELECT count(*) FROM pg_class c JOIN pg_policies p ON p.tablename = c.relname AND p.policyname = 'school_isolation'
                WHERE c.relname = @t AND c.relrowsecurity AND c.relforcerowsecurity
                """,
                ("t", table))).ShouldBe(1, table);
        }
    }

    [Fact]
    public async Task The_application_role_is_not_a_superuser_and_cannot_bypass_row_level_security()
    {
        await using var connection = await OpenAsync(null);

        (await connection.ScalarAsync<long>("SELECT count(*) FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task Every_school_owned_key_index_and_reference_starts_with_school_id()
    {
        await using var connection = await OpenAsync(null);
        var tables = await connection.SchoolOwnedTablesAsync();

        // Primary keys and unique indexes whose first column is not school_id.
        await using var keys = new NpgsqlCommand(
            """
            SELECT t.relname || '.' || i.relname FROM pg_index x
            JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
            WHERE t.relname = ANY(@tables) AND (x.indisprimary OR x.indisunique) AND a.attname <> 'school_id'
            """, connection.Connection);
        keys.Parameters.AddWithValue("tables", tables.ToArray());
        (await keys.ExecuteScalarAsync()).ShouldBeNull("a key or unique index not led by school_id");

        // Foreign keys between school-owned tables that do not start with school_id on both sides.
        await using var references = new NpgsqlCommand(
            """
            SELECT c.conname FROM pg_constraint c
            JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
            JOIN pg_attribute sa ON sa.attrelid = src.oid AND sa.attnum = c.conkey[1]
            JOIN pg_attribute da ON da.attrelid = dst.oid AND da.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND src.relname = ANY(@tables) AND dst.relname = ANY(@tables)
              AND (sa.attname <> 'school_id' OR da.attname <> 'school_id' OR array_length(c.conkey, 1) < 2)
            """, connection.Connection);
        references.Parameters.AddWithValue("tables", tables.ToArray());
        (await references.ExecuteScalarAsync()).ShouldBeNull("a reference between school-owned tables not led by school_id");
    }

    [Fact]
    public async Task The_database_refuses_a_reference_into_another_school()
    {
        var a = await app.SchoolIdAsync("demo");
        var b = await app.SchoolIdAsync("demo2");
        Guid yearOfB;
        await using (var scope = app.SchoolScope(b))
        {
            yearOfB = await scope.ServiceProvider.GetRequiredService<JournalDbContext>().AcademicYears.Select(y => y.Id).FirstAsync();
        }

        await using var connection = await OpenAsync(a);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO classes (school_id, id, academic_year_id, grade, letter) VALUES (@a, @id, @year, 5, 'Я')", connection.Connection);
        insert.Parameters.AddWithValue("a", a);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("year", yearOfB);

        var error = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
    }

    [Fact]
    public async Task The_ef_filter_scopes_every_query_to_the_current_school()
    {
        var a = await app.SchoolIdAsync("demo");
        await using var scope = app.SchoolScope(a);
        var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();

        var schools = await db.Pupils.Select(p => p.SchoolId).Distinct().ToListAsync();

        schools.ShouldBe([a]);
    }

    [Fact]
    public async Task A_forgotten_filter_still_fails_closed_because_of_row_level_security()
    {
        var a = await app.SchoolIdAsync("demo");
        await using var scope = app.SchoolScope(a);
        var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();

        // Deliberately ignoring the application filter: the database alone must hold the line.
        var schools = await db.Pupils.IgnoreQueryFilters([JournalDbContext.SchoolFilter]).Select(p => p.SchoolId).Distinct().ToListAsync();

        schools.ShouldBe([a]);
    }

    [Fact]
    public async Task Saving_a_row_of_another_school_is_refused_before_it_reaches_the_database()
    {
        var a = await app.SchoolIdAsync("demo");
        var b = await app.SchoolIdAsync("demo2");
        await using var scope = app.SchoolScope(a);
        var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
        db.Rooms.Add(new Room { SchoolId = b, Name = "Чужой кабинет" });

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_new_row_is_stamped_with_the_current_school()
    {
        var a = await app.SchoolIdAsync("demo");
        await using var scope = app.SchoolScope(a);
        var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
        var room = new Room { Name = $"Кабинет {Guid.NewGuid():N}" };
        db.Rooms.Add(room);

        await db.SaveChangesAsync();

        room.SchoolId.ShouldBe(a);
        db.Rooms.Remove(room);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_tables_under_rls_are_exactly_the_school_owned_entities_with_exactly_the_expected_policies()
    {
        await using var scope = app.SchoolScope(await app.SchoolIdAsync("demo"));
        var model = scope.ServiceProvider.GetRequiredService<JournalDbContext>().Model;
        var owned = model.GetEntityTypes()
            .Where(e => typeof(Journal.Domain.ISchoolOwned).IsAssignableFrom(e.ClrType))
            .Select(e => e.GetTableName()!).Distinct().Order().ToList();
        await using var connection = await OpenAsync(null);

        (await connection.SchoolOwnedTablesAsync()).ShouldBe(owned);
        var policies = await connection.ColumnAsync<string>(
            """
            SELECT tablename || ':' || policyname || ':' || cmd || ':' || qual FROM pg_policies
            WHERE schemaname = 'public' ORDER BY tablename, policyname
            """);
        var expected = owned.Select(t => $"{t}:school_isolation:ALL:(school_id = (NULLIF(current_setting('app.school_id'::text, true), ''::text))::uuid)")
            .Append("memberships:own_memberships:SELECT:(user_id = (NULLIF(current_setting('app.user_id'::text, true), ''::text))::uuid)")
            .Order(StringComparer.Ordinal).ToList();
        policies.Order(StringComparer.Ordinal).ToList().ShouldBe(expected);
    }

    [Theory]
    [InlineData("ALTER TABLE pupils NO FORCE ROW LEVEL SECURITY")]
    [InlineData("ALTER TABLE pupils DISABLE ROW LEVEL SECURITY")]
    [InlineData("DROP POLICY school_isolation ON pupils")]
    [InlineData("ALTER TABLE journal_changes DISABLE TRIGGER USER")]
    [InlineData("DROP TABLE journal_changes")]
    public async Task The_application_role_can_not_switch_off_isolation_or_history(string statement)
    {
        await using var connection = await OpenAsync(null);
        await using var command = new NpgsqlCommand(statement, connection.Connection);

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }
}
