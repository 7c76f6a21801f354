using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldContracts.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceWatchSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "performance_watch_settings",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    upheld_threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    window_days = table.Column<int>(type: "INTEGER", nullable: false),
                    any_application_without_notice = table.Column<bool>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_watch_settings", x => x.contract_id);
                    table.ForeignKey(
                        name: "fk_performance_watch_settings_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "performance_watch_settings");
        }
    }
}
