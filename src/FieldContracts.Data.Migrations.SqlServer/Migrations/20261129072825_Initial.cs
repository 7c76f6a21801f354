using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldContracts.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "asp_net_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contractors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    address_street = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    address_city = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    address_state = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    address_postal_code = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    contacts = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contractors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    role_id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    claim_type = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    claim_value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    display_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    contractor_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    user_name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "bit", nullable: false),
                    password_hash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    security_stamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    phone_number = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "bit", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "bit", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "bit", nullable: false),
                    access_failed_count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_users_contractors_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "contractors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    contractor_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    settings_subcontracting = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    settings_chemical_notice_lead_time = table.Column<long>(type: "bigint", nullable: false),
                    settings_mowing_cadence_days = table.Column<int>(type: "int", nullable: false),
                    settings_crews_per_day = table.Column<int>(type: "int", nullable: false),
                    settings_re_entry_buffer = table.Column<long>(type: "bigint", nullable: false),
                    settings_work_calendar = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contracts_contractors_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "contractors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "licences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contractor_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    holder = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reminder_email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licences", x => x.id);
                    table.ForeignKey(
                        name: "fk_licences_contractors_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "contractors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    user_id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    claim_type = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    claim_value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    provider_key = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    provider_display_name = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    user_id = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    role_id = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    login_provider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    name = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_specifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    document = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    changed_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_specifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_specifications_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_year_facts",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    year = table.Column<int>(type: "int", nullable: false),
                    growth_start = table.Column<DateOnly>(type: "date", nullable: true),
                    dormancy = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_year_facts", x => new { x.contract_id, x.year });
                    table.ForeignKey(
                        name: "fk_contract_year_facts_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "occurrence_moves",
                columns: table => new
                {
                    occurrence_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    at_minute = table.Column<int>(type: "int", nullable: true),
                    emergency_reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occurrence_moves", x => x.occurrence_id);
                    table.ForeignKey(
                        name: "fk_occurrence_moves_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_fact_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    cause = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    changed_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_fact_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_fact_changes_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "price_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    item = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    basis = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    unit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    estimated_quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    unit_price = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    is_sample = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_price_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_price_lines_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "season_windows",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    season_key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    default_start = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    default_end = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    overrides = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_season_windows", x => new { x.contract_id, x.season_key });
                    table.ForeignKey(
                        name: "fk_season_windows_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sites",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    address_street = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    address_city = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    address_state = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    address_postal_code = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    location_latitude = table.Column<decimal>(type: "decimal(9,6)", precision: 9, scale: 6, nullable: false),
                    location_longitude = table.Column<decimal>(type: "decimal(9,6)", precision: 9, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sites", x => x.id);
                    table.ForeignKey(
                        name: "fk_sites_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_occurrence_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    fact_change_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    what = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    planned_before = table.Column<DateOnly>(type: "date", nullable: true),
                    planned_after = table.Column<DateOnly>(type: "date", nullable: true),
                    status_before = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    status_after = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    fresh_notice_required = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_occurrence_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_occurrence_changes_plan_fact_changes_fact_change_id",
                        column: x => x.fact_change_id,
                        principalTable: "plan_fact_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "areas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    sport_seasons = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_areas", x => x.id);
                    table.ForeignKey(
                        name: "fk_areas_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    owner_id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    scope = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    contractor_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    token_hash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    renewed_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.id);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_asp_net_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_contractors_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "contractors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "notice_recipients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    is_sample = table.Column<bool>(type: "bit", nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_recipients", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_recipients_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_occurrences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    task_key = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    item_reference = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    season_key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "int", nullable: false),
                    series_number = table.Column<int>(type: "int", nullable: false),
                    window_start = table.Column<DateOnly>(type: "date", nullable: false),
                    window_end = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    is_chemical = table.Column<bool>(type: "bit", nullable: false),
                    application_starts_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    application_minutes = table.Column<int>(type: "int", nullable: true),
                    notice_due_by = table.Column<DateTime>(type: "datetime2", nullable: true),
                    emergency_reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    deliverable = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    logged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    detail = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    cancelled = table.Column<bool>(type: "bit", nullable: false),
                    revision = table.Column<int>(type: "int", nullable: false),
                    calendar_sequence = table.Column<int>(type: "int", nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    last_modified = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_occurrences", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_occurrences_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_occurrences_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "school_calendars",
                columns: table => new
                {
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    calendar = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_calendars", x => x.site_id);
                    table.ForeignKey(
                        name: "fk_school_calendars_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "site_year_facts",
                columns: table => new
                {
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    year = table.Column<int>(type: "int", nullable: false),
                    end_of_fall_sports = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_year_facts", x => new { x.site_id, x.year });
                    table.ForeignKey(
                        name: "fk_site_year_facts_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contractor_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    idempotency_key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    current_version = table.Column<int>(type: "int", nullable: false),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    emergency_application = table.Column<bool>(type: "bit", nullable: false),
                    submitted_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    submitted_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_logs", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_logs_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_logs_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chemical_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    application_starts_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    application_date_named = table.Column<DateOnly>(type: "date", nullable: false),
                    due_by = table.Column<DateTime>(type: "datetime2", nullable: false),
                    decided_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    recipient_count = table.Column<int>(type: "int", nullable: false),
                    first_accepted_at = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chemical_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_chemical_notices_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_chemical_notices_plan_occurrences_occurrence_id",
                        column: x => x.occurrence_id,
                        principalTable: "plan_occurrences",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "deliverables",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    recipient = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    document_file_name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    document_content_type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    document_sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    document_length = table.Column<long>(type: "bigint", nullable: false),
                    handed_in_on = table.Column<DateOnly>(type: "date", nullable: false),
                    steps = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliverables", x => x.id);
                    table.ForeignKey(
                        name: "fk_deliverables_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deliverables_plan_occurrences_occurrence_id",
                        column: x => x.occurrence_id,
                        principalTable: "plan_occurrences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deliverables_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notice_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    sent_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    application_date_named = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    recorded_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_notice_records_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notice_records_plan_occurrences_occurrence_id",
                        column: x => x.occurrence_id,
                        principalTable: "plan_occurrences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deficiencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contract_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    site_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    area_ids = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    occurrence_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    work_log_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    work_log_version = table.Column<int>(type: "int", nullable: true),
                    evidence = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    dedup_key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    raised_by_party = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    raised_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    raised_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    found_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deficiencies", x => x.id);
                    table.ForeignKey(
                        name: "fk_deficiencies_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deficiencies_plan_occurrences_occurrence_id",
                        column: x => x.occurrence_id,
                        principalTable: "plan_occurrences",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deficiencies_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deficiencies_work_logs_work_log_id",
                        column: x => x.work_log_id,
                        principalTable: "work_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_log_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    work_log_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    status_after = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_log_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_log_events_work_logs_work_log_id",
                        column: x => x.work_log_id,
                        principalTable: "work_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_log_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    work_log_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    file_name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    storage_path = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    uploaded_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_log_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_log_photos_work_logs_work_log_id",
                        column: x => x.work_log_id,
                        principalTable: "work_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_log_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    work_log_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    work_date = table.Column<DateOnly>(type: "date", nullable: false),
                    started_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    finished_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    crew = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    occurrence_ids = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    heights = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    application = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    recorded_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    why = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_log_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_log_versions_work_logs_work_log_id",
                        column: x => x.work_log_id,
                        principalTable: "work_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    dedup_key = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    chemical_notice_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    to_address = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    to_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    claimed_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    claimed_until = table.Column<DateTime>(type: "datetime2", nullable: true),
                    sent_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    gave_up_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    last_error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_messages_chemical_notices_chemical_notice_id",
                        column: x => x.chemical_notice_id,
                        principalTable: "chemical_notices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deficiency_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    deficiency_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    status_after = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    party = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    cure_work_log_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deficiency_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_deficiency_steps_deficiencies_deficiency_id",
                        column: x => x.deficiency_id,
                        principalTable: "deficiencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_deficiency_steps_work_logs_cure_work_log_id",
                        column: x => x.cure_work_log_id,
                        principalTable: "work_logs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_areas_site_id",
                table: "areas",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "asp_net_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "role_name_index",
                table: "asp_net_roles",
                column: "normalized_name",
                unique: true,
                filter: "[normalized_name] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "asp_net_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "asp_net_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "asp_net_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "email_index",
                table: "asp_net_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_contractor_id",
                table: "asp_net_users",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "user_name_index",
                table: "asp_net_users",
                column: "normalized_user_name",
                unique: true,
                filter: "[normalized_user_name] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_contract_id",
                table: "calendar_feeds",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_contractor_id",
                table: "calendar_feeds",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_owner_id",
                table: "calendar_feeds",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_site_id",
                table: "calendar_feeds",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chemical_notices_contract_id",
                table: "chemical_notices",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_chemical_notices_occurrence_id_version",
                table: "chemical_notices",
                columns: new[] { "occurrence_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contract_specifications_contract_id_version",
                table: "contract_specifications",
                columns: new[] { "contract_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contractors_name",
                table: "contractors",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_contractor_id",
                table: "contracts",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_number",
                table: "contracts",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deficiencies_contract_id_status",
                table: "deficiencies",
                columns: new[] { "contract_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_deficiencies_dedup_key",
                table: "deficiencies",
                column: "dedup_key",
                unique: true,
                filter: "[dedup_key] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deficiencies_occurrence_id",
                table: "deficiencies",
                column: "occurrence_id");

            migrationBuilder.CreateIndex(
                name: "ix_deficiencies_site_id",
                table: "deficiencies",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_deficiencies_work_log_id",
                table: "deficiencies",
                column: "work_log_id");

            migrationBuilder.CreateIndex(
                name: "ix_deficiency_steps_cure_work_log_id",
                table: "deficiency_steps",
                column: "cure_work_log_id");

            migrationBuilder.CreateIndex(
                name: "ix_deficiency_steps_deficiency_id",
                table: "deficiency_steps",
                column: "deficiency_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliverables_contract_id",
                table: "deliverables",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliverables_occurrence_id",
                table: "deliverables",
                column: "occurrence_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliverables_site_id",
                table: "deliverables",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_licences_contractor_id",
                table: "licences",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "ix_licences_expires_on",
                table: "licences",
                column: "expires_on");

            migrationBuilder.CreateIndex(
                name: "ix_notice_recipients_site_id_category_email",
                table: "notice_recipients",
                columns: new[] { "site_id", "category", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notice_records_contract_id",
                table: "notice_records",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_notice_records_occurrence_id",
                table: "notice_records",
                column: "occurrence_id");

            migrationBuilder.CreateIndex(
                name: "ix_occurrence_moves_contract_id",
                table: "occurrence_moves",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_chemical_notice_id",
                table: "outbox_messages",
                column: "chemical_notice_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dedup_key",
                table: "outbox_messages",
                column: "dedup_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "sent_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_fact_changes_contract_id_changed_at",
                table: "plan_fact_changes",
                columns: new[] { "contract_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_occurrence_changes_contract_id",
                table: "plan_occurrence_changes",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_occurrence_changes_fact_change_id",
                table: "plan_occurrence_changes",
                column: "fact_change_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_occurrence_changes_occurrence_id",
                table: "plan_occurrence_changes",
                column: "occurrence_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_occurrences_contract_id_planned_date",
                table: "plan_occurrences",
                columns: new[] { "contract_id", "planned_date" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_occurrences_site_id",
                table: "plan_occurrences",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_price_lines_contract_id",
                table: "price_lines",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_sites_contract_id_code",
                table: "sites",
                columns: new[] { "contract_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_log_events_work_log_id",
                table: "work_log_events",
                column: "work_log_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_log_photos_work_log_id",
                table: "work_log_photos",
                column: "work_log_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_log_versions_work_log_id_version",
                table: "work_log_versions",
                columns: new[] { "work_log_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_contract_id_status",
                table: "work_logs",
                columns: new[] { "contract_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_contractor_id_idempotency_key",
                table: "work_logs",
                columns: new[] { "contractor_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_logs_site_id",
                table: "work_logs",
                column: "site_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "areas");

            migrationBuilder.DropTable(
                name: "asp_net_role_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_logins");

            migrationBuilder.DropTable(
                name: "asp_net_user_roles");

            migrationBuilder.DropTable(
                name: "asp_net_user_tokens");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "contract_specifications");

            migrationBuilder.DropTable(
                name: "contract_year_facts");

            migrationBuilder.DropTable(
                name: "deficiency_steps");

            migrationBuilder.DropTable(
                name: "deliverables");

            migrationBuilder.DropTable(
                name: "licences");

            migrationBuilder.DropTable(
                name: "notice_recipients");

            migrationBuilder.DropTable(
                name: "notice_records");

            migrationBuilder.DropTable(
                name: "occurrence_moves");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "plan_occurrence_changes");

            migrationBuilder.DropTable(
                name: "price_lines");

            migrationBuilder.DropTable(
                name: "school_calendars");

            migrationBuilder.DropTable(
                name: "season_windows");

            migrationBuilder.DropTable(
                name: "site_year_facts");

            migrationBuilder.DropTable(
                name: "work_log_events");

            migrationBuilder.DropTable(
                name: "work_log_photos");

            migrationBuilder.DropTable(
                name: "work_log_versions");

            migrationBuilder.DropTable(
                name: "asp_net_roles");

            migrationBuilder.DropTable(
                name: "asp_net_users");

            migrationBuilder.DropTable(
                name: "deficiencies");

            migrationBuilder.DropTable(
                name: "chemical_notices");

            migrationBuilder.DropTable(
                name: "plan_fact_changes");

            migrationBuilder.DropTable(
                name: "work_logs");

            migrationBuilder.DropTable(
                name: "plan_occurrences");

            migrationBuilder.DropTable(
                name: "sites");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.DropTable(
                name: "contractors");
        }
    }
}
