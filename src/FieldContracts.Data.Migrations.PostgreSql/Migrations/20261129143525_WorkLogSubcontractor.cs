using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldContracts.Data.Migrations.PostgreSql.Migrations
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
                type: "character varying(200)",
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
