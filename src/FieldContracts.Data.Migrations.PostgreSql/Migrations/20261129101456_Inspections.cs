using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace FieldContracts.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "inspection_id",
                table: "deficiencies",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "settings_response_days",
                table: "contracts",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.CreateTable(
                name: "deficiency_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deficiency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deficiency_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_deficiency_photos_deficiencies_deficiency_id",
                        column: x => x.deficiency_id,
                        principalTable: "deficiencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspected_on = table.Column<LocalDate>(type: "date", nullable: false),
                    inspected_by_party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    inspected_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    lines = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspections_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inspections_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deficiencies_inspection_id",
                table: "deficiencies",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_deficiency_photos_deficiency_id",
                table: "deficiency_photos",
                column: "deficiency_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_contract_id_inspected_on",
                table: "inspections",
                columns: new[] { "contract_id", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_site_id",
                table: "inspections",
                column: "site_id");

            migrationBuilder.AddForeignKey(
                name: "fk_deficiencies_inspections_inspection_id",
                table: "deficiencies",
                column: "inspection_id",
                principalTable: "inspections",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_deficiencies_inspections_inspection_id",
                table: "deficiencies");

            migrationBuilder.DropTable(
                name: "deficiency_photos");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropIndex(
                name: "ix_deficiencies_inspection_id",
                table: "deficiencies");

            migrationBuilder.DropColumn(
                name: "inspection_id",
                table: "deficiencies");

            migrationBuilder.DropColumn(
                name: "settings_response_days",
                table: "contracts");
        }
    }
}
