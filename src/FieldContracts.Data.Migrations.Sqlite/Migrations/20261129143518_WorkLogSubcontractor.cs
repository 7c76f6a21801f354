using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldContracts.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkLogSubcontractor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "subcontractor",
                table: "work_log_versions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "subcontractor",
                table: "work_log_versions");
        }
    }
}
