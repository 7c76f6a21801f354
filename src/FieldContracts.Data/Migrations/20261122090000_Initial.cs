using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// The first schema: Identity's tables, contractors, contracts with their settings, sites, areas
/// and price lines. Written by hand for both providers (see docs/decisions/0002); column types
/// follow from the CLR types, so SQLite and PostgreSQL each get their natural ones.
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261122090000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "asp_net_roles",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: true, maxLength: 256),
                normalized_name = table.Column<string>(nullable: true, maxLength: 256),
                concurrency_stamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_roles", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "contractors",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false, maxLength: 200),
                address_street = table.Column<string>(nullable: false, maxLength: 200),
                address_city = table.Column<string>(nullable: false, maxLength: 100),
                address_state = table.Column<string>(nullable: false, maxLength: 2),
                address_postal_code = table.Column<string>(nullable: false, maxLength: 10),
                contacts = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_contractors", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "asp_net_role_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                role_id = table.Column<string>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
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
                id = table.Column<string>(nullable: false),
                display_name = table.Column<string>(nullable: false, maxLength: 200),
                contractor_id = table.Column<Guid?>(nullable: true),
                user_name = table.Column<string>(nullable: true, maxLength: 256),
                normalized_user_name = table.Column<string>(nullable: true, maxLength: 256),
                email = table.Column<string>(nullable: true, maxLength: 256),
                normalized_email = table.Column<string>(nullable: true, maxLength: 256),
                email_confirmed = table.Column<bool>(nullable: false),
                password_hash = table.Column<string>(nullable: true),
                security_stamp = table.Column<string>(nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                phone_number_confirmed = table.Column<bool>(nullable: false),
                two_factor_enabled = table.Column<bool>(nullable: false),
                lockout_end = table.Column<DateTimeOffset?>(nullable: true),
                lockout_enabled = table.Column<bool>(nullable: false),
                access_failed_count = table.Column<int>(nullable: false),
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
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(nullable: false, maxLength: 20),
                title = table.Column<string>(nullable: false, maxLength: 300),
                contractor_id = table.Column<Guid>(nullable: false),
                term_start = table.Column<DateOnly>(nullable: false),
                term_end = table.Column<DateOnly>(nullable: false),
                awarded_on = table.Column<DateOnly>(nullable: false),
                terminated_on = table.Column<DateOnly?>(nullable: true),
                settings_subcontracting = table.Column<string>(nullable: false, maxLength: 40),
                settings_chemical_notice_lead_seconds = table.Column<long>(nullable: false),
                settings_mowing_cadence_days = table.Column<int>(nullable: false),
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
            name: "asp_net_user_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<string>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
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
                login_provider = table.Column<string>(nullable: false),
                provider_key = table.Column<string>(nullable: false),
                provider_display_name = table.Column<string>(nullable: true),
                user_id = table.Column<string>(nullable: false),
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
                user_id = table.Column<string>(nullable: false),
                role_id = table.Column<string>(nullable: false),
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
                user_id = table.Column<string>(nullable: false),
                login_provider = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                value = table.Column<string>(nullable: true),
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
            name: "price_lines",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                item = table.Column<string>(nullable: false, maxLength: 20),
                description = table.Column<string>(nullable: false, maxLength: 500),
                basis = table.Column<string>(nullable: false, maxLength: 20),
                unit = table.Column<string>(nullable: false, maxLength: 40),
                estimated_quantity = table.Column<decimal>(nullable: false, precision: 18, scale: 4),
                unit_price = table.Column<decimal>(nullable: false, precision: 18, scale: 4),
                is_sample = table.Column<bool>(nullable: false),
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
            name: "sites",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(nullable: false, maxLength: 20),
                name = table.Column<string>(nullable: false, maxLength: 200),
                address_street = table.Column<string>(nullable: false, maxLength: 200),
                address_city = table.Column<string>(nullable: false, maxLength: 100),
                address_state = table.Column<string>(nullable: false, maxLength: 2),
                address_postal_code = table.Column<string>(nullable: false, maxLength: 10),
                location_latitude = table.Column<decimal>(nullable: false, precision: 9, scale: 6),
                location_longitude = table.Column<decimal>(nullable: false, precision: 9, scale: 6),
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
            name: "areas",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                site_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false, maxLength: 200),
                kind = table.Column<string>(nullable: false, maxLength: 40),
                sport_seasons = table.Column<string>(nullable: false),
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
            unique: true);

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
            name: "ix_price_lines_contract_id",
            table: "price_lines",
            column: "contract_id");

        migrationBuilder.CreateIndex(
            name: "ix_sites_contract_id_code",
            table: "sites",
            columns: new[] { "contract_id", "code" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "areas");
        migrationBuilder.DropTable(name: "sites");
        migrationBuilder.DropTable(name: "price_lines");
        migrationBuilder.DropTable(name: "asp_net_user_tokens");
        migrationBuilder.DropTable(name: "asp_net_user_roles");
        migrationBuilder.DropTable(name: "asp_net_user_logins");
        migrationBuilder.DropTable(name: "asp_net_user_claims");
        migrationBuilder.DropTable(name: "contracts");
        migrationBuilder.DropTable(name: "asp_net_users");
        migrationBuilder.DropTable(name: "asp_net_role_claims");
        migrationBuilder.DropTable(name: "contractors");
        migrationBuilder.DropTable(name: "asp_net_roles");
    }
}
