using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Journal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "schools",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    is_suspended = table.Column<bool>(type: "boolean", nullable: false),
                    lock_days = table.Column<int>(type: "integer", nullable: false, defaultValue: 14),
                    entry_deadline = table.Column<TimeOnly>(type: "time without time zone", nullable: false, defaultValue: new TimeOnly(20, 0, 0)),
                    allow_mark_one = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    invitation_days = table.Column<int>(type: "integer", nullable: false, defaultValue: 30)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schools", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_operator = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "academic_years",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_academic_years", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_academic_years_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bell_slots",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bell_slots", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_bell_slots_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rooms",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_rooms_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_rooms_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    short_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_pass_fail = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_subjects_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_subjects_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_kinds",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    default_weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    is_control = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_work_kinds_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_work_kinds_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    middle_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_memberships_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_memberships_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_memberships_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grade_period_kinds",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grade_period_kinds", x => new { x.school_id, x.academic_year_id, x.grade });
                    table.ForeignKey(
                        name: "fk_grade_period_kinds_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_grade_period_kinds_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "holidays",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holidays", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_holidays_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_holidays_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "study_periods",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_periods", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_study_periods_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_study_periods_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "curriculum_hours",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    hours_per_year = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_curriculum_hours", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_curriculum_hours_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_curriculum_hours_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_curriculum_hours_subjects_school_id_subject_id",
                        columns: x => new { x.school_id, x.subject_id },
                        principalTable: "subjects",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "classes",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    letter = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    class_teacher_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_classes_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_classes_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_classes_memberships_school_id_class_teacher_id",
                        columns: x => new { x.school_id, x.class_teacher_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_classes_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "membership_roles",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membership_roles", x => new { x.school_id, x.membership_id, x.role });
                    table.ForeignKey(
                        name: "fk_membership_roles_memberships_school_id_membership_id",
                        columns: x => new { x.school_id, x.membership_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_membership_roles_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pupils",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    middle_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_pupils_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_pupils_memberships_school_id_membership_id",
                        columns: x => new { x.school_id, x.membership_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pupils_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subgroups",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subgroups", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_subgroups_classes_school_id_class_id",
                        columns: x => new { x.school_id, x.class_id },
                        principalTable: "classes",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subgroups_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subgroups_subjects_school_id_subject_id",
                        columns: x => new { x.school_id, x.subject_id },
                        principalTable: "subjects",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    arrival_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    arrival_order = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    to_date = table.Column<DateOnly>(type: "date", nullable: true),
                    departure_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    departure_order = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrolments", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_enrolments_classes_school_id_class_id",
                        columns: x => new { x.school_id, x.class_id },
                        principalTable: "classes",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parent_links",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parent_links", x => new { x.school_id, x.parent_id, x.pupil_id });
                    table.ForeignKey(
                        name: "fk_parent_links_memberships_school_id_parent_id",
                        columns: x => new { x.school_id, x.parent_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parent_links_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parent_links_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subgroup_members",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subgroup_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subgroup_members", x => new { x.school_id, x.subgroup_id, x.pupil_id });
                    table.ForeignKey(
                        name: "fk_subgroup_members_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subgroup_members_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subgroup_members_subgroups_school_id_subgroup_id",
                        columns: x => new { x.school_id, x.subgroup_id },
                        principalTable: "subgroups",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "teaching_assignments",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subgroup_id = table.Column<Guid>(type: "uuid", nullable: true),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_teaching_assignments_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_teaching_assignments_classes_school_id_class_id",
                        columns: x => new { x.school_id, x.class_id },
                        principalTable: "classes",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_teaching_assignments_memberships_school_id_teacher_id",
                        columns: x => new { x.school_id, x.teacher_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_teaching_assignments_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_teaching_assignments_subgroups_school_id_subgroup_id",
                        columns: x => new { x.school_id, x.subgroup_id },
                        principalTable: "subgroups",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_teaching_assignments_subjects_school_id_subject_id",
                        columns: x => new { x.school_id, x.subject_id },
                        principalTable: "subjects",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "timetable_entries",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day_of_week = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    lesson_number = table.Column<int>(type: "integer", nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_timetable_entries_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_timetable_entries_academic_years_school_id_academic_year_id",
                        columns: x => new { x.school_id, x.academic_year_id },
                        principalTable: "academic_years",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_timetable_entries_rooms_school_id_room_id",
                        columns: x => new { x.school_id, x.room_id },
                        principalTable: "rooms",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_timetable_entries_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_timetable_entries_teaching_assignments_school_id_assignment",
                        columns: x => new { x.school_id, x.assignment_id },
                        principalTable: "teaching_assignments",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lessons",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    lesson_number = table.Column<int>(type: "integer", nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: true),
                    timetable_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    substitute_teacher_id = table.Column<Guid>(type: "uuid", nullable: true),
                    topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    homework = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    no_homework = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_lessons_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_lessons_memberships_school_id_substitute_teacher_id",
                        columns: x => new { x.school_id, x.substitute_teacher_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lessons_rooms_school_id_room_id",
                        columns: x => new { x.school_id, x.room_id },
                        principalTable: "rooms",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lessons_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lessons_teaching_assignments_school_id_assignment_id",
                        columns: x => new { x.school_id, x.assignment_id },
                        principalTable: "teaching_assignments",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lessons_timetable_entries_school_id_timetable_entry_id",
                        columns: x => new { x.school_id, x.timetable_entry_id },
                        principalTable: "timetable_entries",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "absences",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_absences", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_absences_lessons_school_id_lesson_id",
                        columns: x => new { x.school_id, x.lesson_id },
                        principalTable: "lessons",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_absences_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_absences_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_absences_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "works",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind_id = table.Column<Guid>(type: "uuid", nullable: false),
                    weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("ak_works_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_works_lessons_school_id_lesson_id",
                        columns: x => new { x.school_id, x.lesson_id },
                        principalTable: "lessons",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_works_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_works_work_kinds_school_id_kind_id",
                        columns: x => new { x.school_id, x.kind_id },
                        principalTable: "work_kinds",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "marks",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pupil_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marks", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_marks_memberships_school_id_author_id",
                        columns: x => new { x.school_id, x.author_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marks_pupils_school_id_pupil_id",
                        columns: x => new { x.school_id, x.pupil_id },
                        principalTable: "pupils",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marks_schools_school_id",
                        column: x => x.school_id,
                        principalTable: "schools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_marks_works_school_id_work_id",
                        columns: x => new { x.school_id, x.work_id },
                        principalTable: "works",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_absences_school_id_author_id",
                table: "absences",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_absences_school_id_lesson_id_pupil_id",
                table: "absences",
                columns: new[] { "school_id", "lesson_id", "pupil_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_absences_school_id_pupil_id",
                table: "absences",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_academic_years_school_id_name",
                table: "academic_years",
                columns: new[] { "school_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bell_slots_school_id_number",
                table: "bell_slots",
                columns: new[] { "school_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_classes_school_id_academic_year_id_grade_letter",
                table: "classes",
                columns: new[] { "school_id", "academic_year_id", "grade", "letter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_classes_school_id_class_teacher_id",
                table: "classes",
                columns: new[] { "school_id", "class_teacher_id" });

            migrationBuilder.CreateIndex(
                name: "ix_curriculum_hours_school_id_academic_year_id_subject_id_grade",
                table: "curriculum_hours",
                columns: new[] { "school_id", "academic_year_id", "subject_id", "grade" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_curriculum_hours_school_id_subject_id",
                table: "curriculum_hours",
                columns: new[] { "school_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_school_id_class_id",
                table: "enrolments",
                columns: new[] { "school_id", "class_id" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_school_id_pupil_id",
                table: "enrolments",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_holidays_school_id_academic_year_id",
                table: "holidays",
                columns: new[] { "school_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_lessons_school_id_assignment_id_date_lesson_number",
                table: "lessons",
                columns: new[] { "school_id", "assignment_id", "date", "lesson_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lessons_school_id_date",
                table: "lessons",
                columns: new[] { "school_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_lessons_school_id_room_id",
                table: "lessons",
                columns: new[] { "school_id", "room_id" });

            migrationBuilder.CreateIndex(
                name: "ix_lessons_school_id_substitute_teacher_id",
                table: "lessons",
                columns: new[] { "school_id", "substitute_teacher_id" });

            migrationBuilder.CreateIndex(
                name: "ix_lessons_school_id_timetable_entry_id",
                table: "lessons",
                columns: new[] { "school_id", "timetable_entry_id" });

            migrationBuilder.CreateIndex(
                name: "ix_marks_school_id_author_id",
                table: "marks",
                columns: new[] { "school_id", "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_marks_school_id_pupil_id",
                table: "marks",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_marks_school_id_work_id_pupil_id",
                table: "marks",
                columns: new[] { "school_id", "work_id", "pupil_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memberships_school_id_user_id",
                table: "memberships",
                columns: new[] { "school_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memberships_user_id",
                table: "memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_parent_links_school_id_pupil_id",
                table: "parent_links",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pupils_school_id_last_name_first_name",
                table: "pupils",
                columns: new[] { "school_id", "last_name", "first_name" });

            migrationBuilder.CreateIndex(
                name: "ix_pupils_school_id_membership_id",
                table: "pupils",
                columns: new[] { "school_id", "membership_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rooms_school_id_name",
                table: "rooms",
                columns: new[] { "school_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_schools_slug",
                table: "schools",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_study_periods_school_id_academic_year_id_kind_number",
                table: "study_periods",
                columns: new[] { "school_id", "academic_year_id", "kind", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subgroup_members_school_id_pupil_id",
                table: "subgroup_members",
                columns: new[] { "school_id", "pupil_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subgroups_school_id_class_id_subject_id_name",
                table: "subgroups",
                columns: new[] { "school_id", "class_id", "subject_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subgroups_school_id_subject_id",
                table: "subgroups",
                columns: new[] { "school_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subjects_school_id_name",
                table: "subjects",
                columns: new[] { "school_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teaching_assignments_school_id_class_id_subject_id",
                table: "teaching_assignments",
                columns: new[] { "school_id", "class_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_teaching_assignments_school_id_subgroup_id",
                table: "teaching_assignments",
                columns: new[] { "school_id", "subgroup_id" });

            migrationBuilder.CreateIndex(
                name: "ix_teaching_assignments_school_id_subject_id",
                table: "teaching_assignments",
                columns: new[] { "school_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_teaching_assignments_school_id_teacher_id",
                table: "teaching_assignments",
                columns: new[] { "school_id", "teacher_id" });

            migrationBuilder.CreateIndex(
                name: "ix_timetable_entries_school_id_academic_year_id_day_of_week_le",
                table: "timetable_entries",
                columns: new[] { "school_id", "academic_year_id", "day_of_week", "lesson_number" });

            migrationBuilder.CreateIndex(
                name: "ix_timetable_entries_school_id_assignment_id",
                table: "timetable_entries",
                columns: new[] { "school_id", "assignment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_timetable_entries_school_id_room_id",
                table: "timetable_entries",
                columns: new[] { "school_id", "room_id" });

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_kinds_school_id_name",
                table: "work_kinds",
                columns: new[] { "school_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_works_school_id_kind_id",
                table: "works",
                columns: new[] { "school_id", "kind_id" });

            migrationBuilder.CreateIndex(
                name: "ix_works_school_id_lesson_id",
                table: "works",
                columns: new[] { "school_id", "lesson_id" });

            RowLevelSecurity.CreateFunction(migrationBuilder);
            RowLevelSecurity.Apply(migrationBuilder);
            RowLevelSecurity.AllowOwnMemberships(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS journal_apply_school_rls();");
            migrationBuilder.DropTable(
                name: "absences");

            migrationBuilder.DropTable(
                name: "bell_slots");

            migrationBuilder.DropTable(
                name: "curriculum_hours");

            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "grade_period_kinds");

            migrationBuilder.DropTable(
                name: "holidays");

            migrationBuilder.DropTable(
                name: "marks");

            migrationBuilder.DropTable(
                name: "membership_roles");

            migrationBuilder.DropTable(
                name: "parent_links");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "study_periods");

            migrationBuilder.DropTable(
                name: "subgroup_members");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "works");

            migrationBuilder.DropTable(
                name: "pupils");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "lessons");

            migrationBuilder.DropTable(
                name: "work_kinds");

            migrationBuilder.DropTable(
                name: "timetable_entries");

            migrationBuilder.DropTable(
                name: "rooms");

            migrationBuilder.DropTable(
                name: "teaching_assignments");

            migrationBuilder.DropTable(
                name: "subgroups");

            migrationBuilder.DropTable(
                name: "classes");

            migrationBuilder.DropTable(
                name: "subjects");

            migrationBuilder.DropTable(
                name: "academic_years");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "schools");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
