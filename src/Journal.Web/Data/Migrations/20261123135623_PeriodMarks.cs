using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Journal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeriodMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "requires_control_work",
                table: "subjects",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "minimum_marks_half_year",
                table: "schools",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<int>(
                name: "minimum_marks_quarter",
                table: "schools",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "minimum_marks_trimester",
                table: "schools",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "period_mark_due_days",
                table: "schools",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "period_mark_lock_days",
                table: "schools",
                type: "integer",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<int>(
                name: "period_mark_window_days",
                table: "schools",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<decimal>(
                name: "threshold_five",
                table: "schools",
                type: "numeric(4,2)",
                precision: 4,
                scale: 2,
                nullable: false,
                defaultValue: 4.50m);

            migrationBuilder.AddColumn<decimal>(
                name: "threshold_four",
                table: "schools",
                type: "numeric(4,2)",
                precision: 4,
                scale: 2,
                nullable: false,
                defaultValue: 3.50m);

            migrationBuilder.AddColumn<decimal>(
                name: "threshold_three",
                table: "schools",
                type: "numeric(4,2)",
                precision: 4,
                scale: 2,
                nullable: false,
                defaultValue: 2.50m);

            migrationBuilder.CreateTable(
                name: "period_mark_changes",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    study_period_id = table.Column<Guid>(type: "uuid", nullable: true),
                    old_value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    new_value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ground = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_late = table.Column<bool>(type: "boolean", nullable: false),
                    correction_request_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_period_mark_changes", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_period_mark_changes_academic_years_school_id_academic_year_",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_mark_changes_correction_requests_school_id_correctio",
                        columns: x => new { x.school_id, x.correction_request_id },
                        principalTable: "correction_requests",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_mark_changes_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_mark_changes_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_mark_changes_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_mark_changes_study_periods_school_id_study_period_id",
                        columns: x => new { x.school_id, x.study_period_id },
                        principalTable: "study_periods",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_mark_changes_subjects_school_id_subject_id",
                        columns: x => new { x.school_id, x.subject_id },
                        principalTable: "subjects",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "period_marks",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    study_period_id = table.Column<Guid>(type: "uuid", nullable: true),
                    value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    proposal = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_late = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_period_marks", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_period_marks_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_marks_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_marks_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_marks_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_marks_study_periods_school_id_study_period_id",
                        columns: x => new { x.school_id, x.study_period_id },
                        principalTable: "study_periods",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_marks_subjects_school_id_subject_id",
                        columns: x => new { x.school_id, x.subject_id },
                        principalTable: "subjects",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_period_mark_changes_school_id_academic_year_id",
                table: "period_mark_changes",
                columns: new[] { "school_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_mark_changes_school_id_at",
                table: "period_mark_changes",
                columns: new[] { "school_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_period_mark_changes_school_id_author_id",
                table: "period_mark_changes",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_mark_changes_school_id_correction_request_id",
                table: "period_mark_changes",
                columns: new[] { "school_id", "correction_request_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_mark_changes_school_id_pupil_id_subject_id_academic_",
                table: "period_mark_changes",
                columns: new[] { "school_id", "pupil_id", "subject_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_mark_changes_school_id_study_period_id",
                table: "period_mark_changes",
                columns: new[] { "school_id", "study_period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_mark_changes_school_id_subject_id",
                table: "period_mark_changes",
                columns: new[] { "school_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_marks_school_id_academic_year_id",
                table: "period_marks",
                columns: new[] { "school_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_marks_school_id_author_id",
                table: "period_marks",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_marks_school_id_pupil_id_subject_id_academic_year_id",
                table: "period_marks",
                columns: new[] { "school_id", "pupil_id", "subject_id", "academic_year_id", "kind", "study_period_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_period_marks_school_id_study_period_id",
                table: "period_marks",
                columns: new[] { "school_id", "study_period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_marks_school_id_subject_id_academic_year_id",
                table: "period_marks",
                columns: new[] { "school_id", "subject_id", "academic_year_id" });

            // LCK-3: the history of period marks can't be edited or deleted through the application.
            migrationBuilder.Sql("""
                CREATE FUNCTION period_mark_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'period_mark_changes is append-only: history can''t be changed or deleted'
                    USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER period_mark_changes_no_update_delete BEFORE UPDATE OR DELETE ON period_mark_changes
                  FOR EACH ROW EXECUTE FUNCTION period_mark_changes_append_only();
                CREATE TRIGGER period_mark_changes_no_truncate BEFORE TRUNCATE ON period_mark_changes
                  FOR EACH STATEMENT EXECUTE FUNCTION period_mark_changes_append_only();
                """);
            RowLevelSecurity.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "period_mark_changes");

            migrationBuilder.DropTable(
                name: "period_marks");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS period_mark_changes_append_only();");

            migrationBuilder.DropColumn(
                name: "requires_control_work",
                table: "subjects");

            migrationBuilder.DropColumn(
                name: "minimum_marks_half_year",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "minimum_marks_quarter",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "minimum_marks_trimester",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "period_mark_due_days",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "period_mark_lock_days",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "period_mark_window_days",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "threshold_five",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "threshold_four",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "threshold_three",
                table: "schools");
        }
    }
}
