using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// Calendar subscriptions (each with the hash of its secret token) and the calendar SEQUENCE of each occurrence,
/// raised only when its time or status changes.
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261122120000_CalendarFeeds")]
public sealed class CalendarFeeds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Existing occurrences start at their revision: every change so far may have moved them, and SEQUENCE
        // must never go down for a subscriber who already holds a copy.
        migrationBuilder.AddColumn<int>(
            name: "calendar_sequence",
            table: "plan_occurrences",
            nullable: false,
            defaultValue: 0);
        migrationBuilder.Sql("UPDATE plan_occurrences SET calendar_sequence = revision");

        migrationBuilder.CreateTable(
            name: "calendar_feeds",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                owner_id = table.Column<string>(nullable: false),
                scope = table.Column<string>(nullable: false, maxLength: 40),
                contract_id = table.Column<Guid?>(nullable: true),
                site_id = table.Column<Guid?>(nullable: true),
                contractor_id = table.Column<Guid?>(nullable: true),
                name = table.Column<string>(nullable: false, maxLength: 200),
                token_hash = table.Column<byte[]>(nullable: false, maxLength: 32),
                created_at = table.Column<DateTime>(nullable: false),
                renewed_at = table.Column<DateTime?>(nullable: true),
                revoked_at = table.Column<DateTime?>(nullable: true),
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
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

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
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "calendar_feeds");
        migrationBuilder.DropColumn(name: "calendar_sequence", table: "plan_occurrences");
    }
}
