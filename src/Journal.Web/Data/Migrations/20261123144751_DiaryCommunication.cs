using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Journal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DiaryCommunication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "smtp_from",
                table: "schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "smtp_host",
                table: "schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "smtp_password",
                table: "schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "smtp_port",
                table: "schools",
                type: "integer",
                nullable: false,
                defaultValue: 25);

            migrationBuilder.AddColumn<bool>(
                name: "smtp_use_tls",
                table: "schools",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "smtp_user",
                table: "schools",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "announcements",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    class_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    show_until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_announcements", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_announcements_classes_school_id_class_id",
                        columns: x => new { x.school_id, x.class_id },
                        principalTable: "classes",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_announcements_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_announcements_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_message_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_conversations_memberships_school_id_created_by_id",
                        columns: x => new { x.school_id, x.created_by_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conversations_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conversations_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invitation_codes",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    used_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_revoked = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitation_codes", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_invitation_codes_memberships_school_id_created_by_id",
                        columns: x => new { x.school_id, x.created_by_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitation_codes_memberships_school_id_used_by_id",
                        columns: x => new { x.school_id, x.used_by_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitation_codes_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitation_codes_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    mailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_notifications_memberships_school_id_recipient_id",
                        columns: x => new { x.school_id, x.recipient_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notifications_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notifications_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversation_members",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    read_up_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_members", x => new { x.school_id, x.conversation_id, x.membership_id });
                    table.ForeignKey(
                        name: "fk_conversation_members_conversations_school_id_conversation_id",
                        columns: x => new { x.school_id, x.conversation_id },
                        principalTable: "conversations",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conversation_members_memberships_school_id_membership_id",
                        columns: x => new { x.school_id, x.membership_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conversation_members_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_messages_conversations_school_id_conversation_id",
                        columns: x => new { x.school_id, x.conversation_id },
                        principalTable: "conversations",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_messages_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "message_files",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_files", x => new { x.school_id, x.message_id, x.file_id });
                    table.ForeignKey(
                        name: "fk_message_files_messages_school_id_message_id",
                        columns: x => new { x.school_id, x.message_id },
                        principalTable: "messages",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_files_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_message_files_stored_files_school_id_file_id",
                        columns: x => new { x.school_id, x.file_id },
                        principalTable: "stored_files",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_announcements_school_id_author_id",
                table: "announcements",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_announcements_school_id_class_id",
                table: "announcements",
                columns: new[] { "school_id", "class_id" });

            migrationBuilder.CreateIndex(
                name: "ix_announcements_school_id_published_at",
                table: "announcements",
                columns: new[] { "school_id", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_members_school_id_membership_id",
                table: "conversation_members",
                columns: new[] { "school_id", "membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_school_id_created_by_id",
                table: "conversations",
                columns: new[] { "school_id", "created_by_id" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_school_id_last_message_at",
                table: "conversations",
                columns: new[] { "school_id", "last_message_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_school_id_pupil_id",
                table: "conversations",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_codes_school_id_code",
                table: "invitation_codes",
                columns: new[] { "school_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitation_codes_school_id_created_by_id",
                table: "invitation_codes",
                columns: new[] { "school_id", "created_by_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_codes_school_id_pupil_id",
                table: "invitation_codes",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invitation_codes_school_id_used_by_id",
                table: "invitation_codes",
                columns: new[] { "school_id", "used_by_id" });

            migrationBuilder.CreateIndex(
                name: "ix_message_files_school_id_file_id",
                table: "message_files",
                columns: new[] { "school_id", "file_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_school_id_author_id",
                table: "messages",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_school_id_conversation_id_sent_at",
                table: "messages",
                columns: new[] { "school_id", "conversation_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_school_id_pupil_id",
                table: "notifications",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_school_id_recipient_id_created_at",
                table: "notifications",
                columns: new[] { "school_id", "recipient_id", "created_at" });
            RowLevelSecurity.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announcements");

            migrationBuilder.DropTable(
                name: "conversation_members");

            migrationBuilder.DropTable(
                name: "invitation_codes");

            migrationBuilder.DropTable(
                name: "message_files");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropColumn(
                name: "smtp_from",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "smtp_host",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "smtp_password",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "smtp_port",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "smtp_use_tls",
                table: "schools");

            migrationBuilder.DropColumn(
                name: "smtp_user",
                table: "schools");
        }
    }
}
