using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GemensamNamnd.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    controller_ids = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occurred_from = table.Column<long>(type: "INTEGER", nullable: true),
                    occurred_to = table.Column<long>(type: "INTEGER", nullable: true),
                    discovered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    aware_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ceased_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reported_internally_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    types = table.Column<int>(type: "INTEGER", nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    systems = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    data_kinds = table.Column<int>(type: "INTEGER", nullable: false),
                    approx_records = table.Column<int>(type: "INTEGER", nullable: true),
                    consequences = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    measures_taken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    measures_proposed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    contact_details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    risk = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    risk_reasoning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    reportable = table.Column<bool>(type: "INTEGER", nullable: true),
                    not_reportable_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    assessed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    subject_notice_required = table.Column<bool>(type: "INTEGER", nullable: true),
                    subject_notice_not_required_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    subject_notice_sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    subject_notice_method = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    imy_deadline_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reported_at = table.Column<long>(type: "INTEGER", nullable: true),
                    imy_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    late_reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    supplement_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Groups = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breaches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_number_series",
                columns: table => new
                {
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    series = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last_number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_number_series", x => new { x.party_id, x.series, x.year });
                });

            migrationBuilder.CreateTable(
                name: "data_controllers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    organisation_number = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_controllers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dpo_persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    work_phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    work_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    employing_party_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    other_roles = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpo_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dpo_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    conflicting_roles = table.Column<string>(type: "TEXT", nullable: false),
                    minimum_share_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpo_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drills",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    scenario = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    participants = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drills", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "maturity_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dimensions = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_maturity_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    from_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    text_body = table.Column<string>(type: "TEXT", nullable: false),
                    html_body = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    hold_until = table.Column<long>(type: "INTEGER", nullable: true),
                    digest_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    server_reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    organisation_number = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    entra_tenant_ids = table.Column<string>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Settings = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "party_systems",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_systems", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "personal_data_reads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_data_reads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_holds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    register = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    placed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    placed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_holds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    register = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    mails = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sent_reminders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entra_tenant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entra_object_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    is_global_administrator = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_e_strategist = table.Column<bool>(type: "INTEGER", nullable: false),
                    wants_daily_digest = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "breach_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    breach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breach_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_breach_events_breaches_breach_id",
                        column: x => x.breach_id,
                        principalTable: "breaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "breach_supplements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    breach_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breach_supplements", x => x.id);
                    table.ForeignKey(
                        name: "fk_breach_supplements_breaches_breach_id",
                        column: x => x.breach_id,
                        principalTable: "breaches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    controller_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rights = table.Column<int>(type: "INTEGER", nullable: false),
                    requester_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    personal_number_protected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    personal_number_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    postal_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    protected_identity = table.Column<bool>(type: "INTEGER", nullable: false),
                    identity_check_asked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    identity_confirmed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    identity_method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    assigned_officer_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    clock_start_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extended_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    extension_notice_sent_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    delivery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    refusal_ground = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_requests_data_controllers_controller_id",
                        column: x => x.controller_id,
                        principalTable: "data_controllers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dpo_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    controller_ids = table.Column<string>(type: "TEXT", nullable: false),
                    share_percent = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reports_to = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reporting_level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    imy_reported_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    public_web_page = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dpo_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_dpo_allocations_dpo_persons_person_id",
                        column: x => x.person_id,
                        principalTable: "dpo_persons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "maturity_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_maturity_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_maturity_answers_maturity_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "maturity_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_memberships_parties_party_id",
                        column: x => x.party_id,
                        principalTable: "parties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_memberships_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_events_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_system_searches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    system_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    marked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    marked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_system_searches", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_system_searches_party_systems_system_id",
                        column: x => x.system_id,
                        principalTable: "party_systems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_request_system_searches_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_party_id_at",
                table: "audit_entries",
                columns: new[] { "party_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_party_id_entity_type_entity_id",
                table: "audit_entries",
                columns: new[] { "party_id", "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_breach_events_breach_id",
                table: "breach_events",
                column: "breach_id");

            migrationBuilder.CreateIndex(
                name: "ix_breach_events_party_id_breach_id_at",
                table: "breach_events",
                columns: new[] { "party_id", "breach_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_breach_supplements_breach_id",
                table: "breach_supplements",
                column: "breach_id");

            migrationBuilder.CreateIndex(
                name: "ix_breach_supplements_party_id_breach_id_submitted_at",
                table: "breach_supplements",
                columns: new[] { "party_id", "breach_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_party_id_case_number",
                table: "breaches",
                columns: new[] { "party_id", "case_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_breaches_party_id_imy_deadline_at",
                table: "breaches",
                columns: new[] { "party_id", "imy_deadline_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_party_id_status_aware_at",
                table: "breaches",
                columns: new[] { "party_id", "status", "aware_at" });

            migrationBuilder.CreateIndex(
                name: "ix_breaches_party_id_supplement_due_on",
                table: "breaches",
                columns: new[] { "party_id", "supplement_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_data_controllers_party_id_name",
                table: "data_controllers",
                columns: new[] { "party_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dpo_allocations_party_id_ends_on",
                table: "dpo_allocations",
                columns: new[] { "party_id", "ends_on" });

            migrationBuilder.CreateIndex(
                name: "ix_dpo_allocations_party_id_person_id_starts_on",
                table: "dpo_allocations",
                columns: new[] { "party_id", "person_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_dpo_allocations_person_id",
                table: "dpo_allocations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_dpo_persons_name",
                table: "dpo_persons",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_drills_party_id_held_on",
                table: "drills",
                columns: new[] { "party_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_maturity_answers_party_id_round_id",
                table: "maturity_answers",
                columns: new[] { "party_id", "round_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_maturity_answers_round_id",
                table: "maturity_answers",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_maturity_rounds_status_closes_on",
                table: "maturity_rounds",
                columns: new[] { "status", "closes_on" });

            migrationBuilder.CreateIndex(
                name: "ix_maturity_rounds_year",
                table: "maturity_rounds",
                column: "year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memberships_party_id_user_id_role",
                table: "memberships",
                columns: new[] { "party_id", "user_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memberships_user_id",
                table: "memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_party_id_status_hold_until",
                table: "outbox_messages",
                columns: new[] { "party_id", "status", "hold_until" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_status_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_parties_slug",
                table: "parties",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_party_systems_party_id_name",
                table: "party_systems",
                columns: new[] { "party_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_reads_party_id_entity_type_entity_id",
                table: "personal_data_reads",
                columns: new[] { "party_id", "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_request_events_party_id_request_id_at",
                table: "request_events",
                columns: new[] { "party_id", "request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_request_events_request_id",
                table: "request_events",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_system_searches_party_id_request_id_system_id",
                table: "request_system_searches",
                columns: new[] { "party_id", "request_id", "system_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_request_system_searches_request_id",
                table: "request_system_searches",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_system_searches_system_id",
                table: "request_system_searches",
                column: "system_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_controller_id",
                table: "requests",
                column: "controller_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_party_id_case_number",
                table: "requests",
                columns: new[] { "party_id", "case_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_party_id_effective_due_on_case_number_id",
                table: "requests",
                columns: new[] { "party_id", "effective_due_on", "case_number", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_party_id_personal_number_hash",
                table: "requests",
                columns: new[] { "party_id", "personal_number_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_party_id_status_effective_due_on_case_number_id",
                table: "requests",
                columns: new[] { "party_id", "status", "effective_due_on", "case_number", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_retention_holds_party_id_register_case_id",
                table: "retention_holds",
                columns: new[] { "party_id", "register", "case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_retention_log_party_id_at",
                table: "retention_log",
                columns: new[] { "party_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_retention_log_party_id_register_case_id",
                table: "retention_log",
                columns: new[] { "party_id", "register", "case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sent_reminders_party_id_subject_id_kind_threshold",
                table: "sent_reminders",
                columns: new[] { "party_id", "subject_id", "kind", "threshold" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_entra_tenant_id_entra_object_id",
                table: "users",
                columns: new[] { "entra_tenant_id", "entra_object_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "breach_events");

            migrationBuilder.DropTable(
                name: "breach_supplements");

            migrationBuilder.DropTable(
                name: "case_number_series");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "dpo_allocations");

            migrationBuilder.DropTable(
                name: "dpo_rules");

            migrationBuilder.DropTable(
                name: "drills");

            migrationBuilder.DropTable(
                name: "maturity_answers");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "personal_data_reads");

            migrationBuilder.DropTable(
                name: "request_events");

            migrationBuilder.DropTable(
                name: "request_system_searches");

            migrationBuilder.DropTable(
                name: "retention_holds");

            migrationBuilder.DropTable(
                name: "retention_log");

            migrationBuilder.DropTable(
                name: "sent_reminders");

            migrationBuilder.DropTable(
                name: "breaches");

            migrationBuilder.DropTable(
                name: "dpo_persons");

            migrationBuilder.DropTable(
                name: "maturity_rounds");

            migrationBuilder.DropTable(
                name: "parties");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "party_systems");

            migrationBuilder.DropTable(
                name: "requests");

            migrationBuilder.DropTable(
                name: "data_controllers");
        }
    }
}
