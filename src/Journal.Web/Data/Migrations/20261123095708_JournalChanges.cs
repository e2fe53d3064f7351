using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Journal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JournalChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_changes",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    operation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_id = table.Column<Guid>(type: "uuid", nullable: true),
                    target = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    old_value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    new_value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ground = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_changes", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_journal_changes_lessons_school_id_lesson_id",
                        columns: x => new { x.school_id, x.lesson_id },
                        principalTable: "lessons",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_changes_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_changes_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_changes_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_changes_works_school_id_work_id",
                        columns: x => new { x.school_id, x.work_id },
                        principalTable: "works",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_journal_changes_school_id_at",
                table: "journal_changes",
                columns: new[] { "school_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_changes_school_id_author_id",
                table: "journal_changes",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_changes_school_id_lesson_id",
                table: "journal_changes",
                columns: new[] { "school_id", "lesson_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_changes_school_id_operation_id_target",
                table: "journal_changes",
                columns: new[] { "school_id", "operation_id", "target" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_journal_changes_school_id_pupil_id",
                table: "journal_changes",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_changes_school_id_work_id",
                table: "journal_changes",
                columns: new[] { "school_id", "work_id" });

            // LCK-3: history can't be edited or deleted through the application.
            migrationBuilder.Sql("""
                CREATE FUNCTION journal_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'journal_changes is append-only: history can''t be changed or deleted'
                    USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER journal_changes_no_update_delete BEFORE UPDATE OR DELETE ON journal_changes
                  FOR EACH ROW EXECUTE FUNCTION journal_changes_append_only();
                CREATE TRIGGER journal_changes_no_truncate BEFORE TRUNCATE ON journal_changes
                  FOR EACH STATEMENT EXECUTE FUNCTION journal_changes_append_only();
                """);
            RowLevelSecurity.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "journal_changes");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS journal_changes_append_only();");
        }
    }
}
