using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Journal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlansCorrectionsFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "details_entered_at",
                table: "lessons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "details_late",
                table: "lessons",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "plan_topic_id",
                table: "lessons",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "correction_request_id",
                table: "journal_changes",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "lesson_plans",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lesson_plans", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_lesson_plans_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lesson_plans_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lesson_plans_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lesson_plans_subjects_school_id_subject_id",
                        columns: x => new { x.school_id, x.subject_id },
                        principalTable: "subjects",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_stored_files_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_stored_files_memberships_school_id_uploaded_by_id",
                        columns: x => new { x.school_id, x.uploaded_by_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stored_files_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_topics",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    hours = table.Column<int>(type: "integer", nullable: false),
                    homework = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_plan_topics_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_plan_topics_lesson_plans_school_id_plan_id",
                        columns: x => new { x.school_id, x.plan_id },
                        principalTable: "lesson_plans",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_topics_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "correction_requests",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_id = table.Column<Guid>(type: "uuid", nullable: true),
                    target = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    current_value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    requested_value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    document_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    registration_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    applied_value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correction_requests", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_correction_requests_lessons_school_id_lesson_id",
                        columns: x => new { x.school_id, x.lesson_id },
                        principalTable: "lessons",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_correction_requests_memberships_school_id_decided_by_id",
                        columns: x => new { x.school_id, x.decided_by_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_correction_requests_memberships_school_id_requested_by_id",
                        columns: x => new { x.school_id, x.requested_by_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_correction_requests_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_correction_requests_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_correction_requests_stored_files_school_id_document_file_id",
                        columns: x => new { x.school_id, x.document_file_id },
                        principalTable: "stored_files",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_correction_requests_works_school_id_work_id",
                        columns: x => new { x.school_id, x.work_id },
                        principalTable: "works",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "file_contents",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_contents", x => new { x.school_id, x.file_id });
                    table.ForeignKey(
                        name: "fk_file_contents_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_file_contents_stored_files_school_id_file_id",
                        columns: x => new { x.school_id, x.file_id },
                        principalTable: "stored_files",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "homework_files",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework_files", x => new { x.school_id, x.lesson_id, x.file_id });
                    table.ForeignKey(
                        name: "fk_homework_files_lessons_school_id_lesson_id",
                        columns: x => new { x.school_id, x.lesson_id },
                        principalTable: "lessons",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_homework_files_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_homework_files_stored_files_school_id_file_id",
                        columns: x => new { x.school_id, x.file_id },
                        principalTable: "stored_files",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lessons_school_id_plan_topic_id",
                table: "lessons",
                columns: new[] { "school_id", "plan_topic_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_changes_school_id_correction_request_id",
                table: "journal_changes",
                columns: new[] { "school_id", "correction_request_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_decided_by_id",
                table: "correction_requests",
                columns: new[] { "school_id", "decided_by_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_document_file_id",
                table: "correction_requests",
                columns: new[] { "school_id", "document_file_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_lesson_id",
                table: "correction_requests",
                columns: new[] { "school_id", "lesson_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_number",
                table: "correction_requests",
                columns: new[] { "school_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_pupil_id",
                table: "correction_requests",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_requested_by_id",
                table: "correction_requests",
                columns: new[] { "school_id", "requested_by_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_status",
                table: "correction_requests",
                columns: new[] { "school_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_work_id",
                table: "correction_requests",
                columns: new[] { "school_id", "work_id" });

            migrationBuilder.CreateIndex(
                name: "ix_homework_files_school_id_file_id",
                table: "homework_files",
                columns: new[] { "school_id", "file_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lesson_plans_school_id_academic_year_id_subject_id_grade",
                table: "lesson_plans",
                columns: new[] { "school_id", "academic_year_id", "subject_id", "grade" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lesson_plans_school_id_author_id",
                table: "lesson_plans",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_lesson_plans_school_id_subject_id",
                table: "lesson_plans",
                columns: new[] { "school_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_topics_school_id_plan_id_position",
                table: "plan_topics",
                columns: new[] { "school_id", "plan_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_school_id_uploaded_by_id",
                table: "stored_files",
                columns: new[] { "school_id", "uploaded_by_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_journal_changes_correction_requests_school_id_correction_re",
                table: "journal_changes",
                columns: new[] { "school_id", "correction_request_id" },
                principalTable: "correction_requests",
                principalColumns: new[] { "school_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_lessons_plan_topics_school_id_plan_topic_id",
                table: "lessons",
                columns: new[] { "school_id", "plan_topic_id" },
                principalTable: "plan_topics",
                principalColumns: new[] { "school_id", "id" },
                onDelete: ReferentialAction.Restrict);

            RowLevelSecurity.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_journal_changes_correction_requests_school_id_correction_re",
                table: "journal_changes");

            migrationBuilder.DropForeignKey(
                name: "fk_lessons_plan_topics_school_id_plan_topic_id",
                table: "lessons");

            migrationBuilder.DropTable(
                name: "correction_requests");

            migrationBuilder.DropTable(
                name: "file_contents");

            migrationBuilder.DropTable(
                name: "homework_files");

            migrationBuilder.DropTable(
                name: "plan_topics");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropTable(
                name: "lesson_plans");

            migrationBuilder.DropIndex(
                name: "ix_lessons_school_id_plan_topic_id",
                table: "lessons");

            migrationBuilder.DropIndex(
                name: "ix_journal_changes_school_id_correction_request_id",
                table: "journal_changes");

            migrationBuilder.DropColumn(
                name: "details_entered_at",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "details_late",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "plan_topic_id",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "correction_request_id",
                table: "journal_changes");
        }
    }
}
