using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>The deliverables handed in (item 2b's report, item 3e's treatment plan), their document and review.</summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261130100000_Deliverables")]
public sealed class Deliverables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "deliverables",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                site_id = table.Column<Guid>(nullable: false),
                occurrence_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false, maxLength: 500),
                recipient = table.Column<string>(nullable: false, maxLength: 500),
                due_on = table.Column<DateOnly>(nullable: false),
                status = table.Column<string>(nullable: false, maxLength: 20),
                document_file_name = table.Column<string>(nullable: false, maxLength: 255),
                document_content_type = table.Column<string>(nullable: false, maxLength: 100),
                document_sha256 = table.Column<string>(nullable: false, maxLength: 64),
                document_length = table.Column<long>(nullable: false),
                handed_in_on = table.Column<DateOnly>(nullable: false),
                steps = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_deliverables", x => x.id);
                table.ForeignKey("fk_deliverables_contracts_contract_id", x => x.contract_id, "contracts", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_deliverables_sites_site_id", x => x.site_id, "sites", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_deliverables_plan_occurrences_occurrence_id", x => x.occurrence_id, "plan_occurrences", "id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("ix_deliverables_occurrence_id", "deliverables", "occurrence_id", unique: true);
        migrationBuilder.CreateIndex("ix_deliverables_contract_id", "deliverables", "contract_id");
        migrationBuilder.CreateIndex("ix_deliverables_site_id", "deliverables", "site_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "deliverables");
}
