using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Journal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeriodMarkCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "lesson_id",
                table: "correction_requests",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "academic_year_id",
                table: "correction_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attestation",
                table: "correction_requests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "class_id",
                table: "correction_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "study_period_id",
                table: "correction_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "subject_id",
                table: "correction_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_academic_year_id",
                table: "correction_requests",
                columns: new[] { "school_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_class_id",
                table: "correction_requests",
                columns: new[] { "school_id", "class_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_study_period_id",
                table: "correction_requests",
                columns: new[] { "school_id", "study_period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_school_id_subject_id",
                table: "correction_requests",
                columns: new[] { "school_id", "subject_id" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_correction_requests_cell_or_period_mark",
                table: "correction_requests",
                sql: "(lesson_id IS NOT NULL AND subject_id IS NULL) OR (lesson_id IS NULL AND subject_id IS NOT NULL AND class_id IS NOT NULL AND academic_year_id IS NOT NULL AND attestation IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "fk_correction_requests_academic_years_school_id_academic_year_",
                table: "correction_requests",
                columns: new[] { "school_id", "academic_year_id" },
                principalTable: "academic_years",
                principalColumns: new[] { "school_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_correction_requests_classes_school_id_class_id",
                table: "correction_requests",
                columns: new[] { "school_id", "class_id" },
                principalTable: "classes",
                principalColumns: new[] { "school_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_correction_requests_study_periods_school_id_study_period_id",
                table: "correction_requests",
                columns: new[] { "school_id", "study_period_id" },
                principalTable: "study_periods",
                principalColumns: new[] { "school_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_correction_requests_subjects_school_id_subject_id",
                table: "correction_requests",
                columns: new[] { "school_id", "subject_id" },
                principalTable: "subjects",
                principalColumns: new[] { "school_id", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_correction_requests_academic_years_school_id_academic_year_",
                table: "correction_requests");

            migrationBuilder.DropForeignKey(
                name: "fk_correction_requests_classes_school_id_class_id",
                table: "correction_requests");

            migrationBuilder.DropForeignKey(
                name: "fk_correction_requests_study_periods_school_id_study_period_id",
                table: "correction_requests");

            migrationBuilder.DropForeignKey(
                name: "fk_correction_requests_subjects_school_id_subject_id",
                table: "correction_requests");

            migrationBuilder.DropIndex(
                name: "ix_correction_requests_school_id_academic_year_id",
                table: "correction_requests");

            migrationBuilder.DropIndex(
                name: "ix_correction_requests_school_id_class_id",
                table: "correction_requests");

            migrationBuilder.DropIndex(
                name: "ix_correction_requests_school_id_study_period_id",
                table: "correction_requests");

            migrationBuilder.DropIndex(
                name: "ix_correction_requests_school_id_subject_id",
                table: "correction_requests");

            migrationBuilder.DropCheckConstraint(
                name: "ck_correction_requests_cell_or_period_mark",
                table: "correction_requests");

            migrationBuilder.DropColumn(
                name: "academic_year_id",
                table: "correction_requests");

            migrationBuilder.DropColumn(
                name: "attestation",
                table: "correction_requests");

            migrationBuilder.DropColumn(
                name: "class_id",
                table: "correction_requests");

            migrationBuilder.DropColumn(
                name: "study_period_id",
                table: "correction_requests");

            migrationBuilder.DropColumn(
                name: "subject_id",
                table: "correction_requests");

            migrationBuilder.AlterColumn<Guid>(
                name: "lesson_id",
                table: "correction_requests",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
