using Microsoft.EntityFrameworkCore.Migrations;

namespace Journal.Web.Data.Migrations;

/// <summary>
/// TEN-2, the database layer: every table with a school_id column gets row-level security with
/// FORCE (the application's role owns the tables, and owners bypass RLS without FORCE) and one
/// policy matching app.school_id, which <see cref="Interceptors.TenantConnectionInterceptor"/> sets
/// per connection. A migration that adds school-owned tables ends with <see cref="Apply"/>.
/// </summary>
internal static class RowLevelSecurity
{
    /// <summary>Creates (or replaces) the function that puts every school-owned table under RLS.</summary>
    public static void CreateFunction(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE OR REPLACE FUNCTION journal_apply_school_rls() RETURNS void LANGUAGE plpgsql AS $$
        DECLARE t text;
        BEGIN
          FOR t IN
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND c.column_name = 'school_id' AND tb.table_type = 'BASE TABLE'
          LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
            EXECUTE format('DROP POLICY IF EXISTS school_isolation ON %I', t);
            EXECUTE format(
              'CREATE POLICY school_isolation ON %I USING (school_id = NULLIF(current_setting(''app.school_id'', true), '''')::uuid) '
              'WITH CHECK (school_id = NULLIF(current_setting(''app.school_id'', true), '''')::uuid)', t);
          END LOOP;
        END $$;
        """);

    public static void Apply(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("SELECT journal_apply_school_rls();");

    /// <summary>
    /// A signed-in person may read their own memberships in every school (to list their schools at
    /// sign-in, before a school is chosen); app.user_id is set per connection like app.school_id.
    /// </summary>
    public static void AllowOwnMemberships(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        DROP POLICY IF EXISTS own_memberships ON memberships;
        CREATE POLICY own_memberships ON memberships FOR SELECT
          USING (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
        """);
}
