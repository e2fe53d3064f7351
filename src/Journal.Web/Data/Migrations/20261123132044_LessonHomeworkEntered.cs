using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Journal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LessonHomeworkEntered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "homework_entered_at",
                table: "lessons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "homework_late",
                table: "lessons",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "homework_entered_at",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "homework_late",
                table: "lessons");
        }
    }
}
