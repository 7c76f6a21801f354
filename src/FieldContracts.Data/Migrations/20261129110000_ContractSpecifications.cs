using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// Each contract's specification stored with it, versioned. Until now every contract was planned by bid #2685's
/// specification; contracts that exist when this runs keep exactly that plan: they get #2685's specification as
/// their version 1, recorded as set by this migration.
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261129110000_ContractSpecifications")]
public sealed class ContractSpecifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "contract_specifications",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                version = table.Column<int>(nullable: false),
                document = table.Column<string>(nullable: false),
                changed_by = table.Column<string>(nullable: false, maxLength: 256),
                changed_at = table.Column<DateTime>(nullable: false),
                reason = table.Column<string>(nullable: false, maxLength: 1000),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_contract_specifications", x => x.id);
                table.ForeignKey("fk_contract_specifications_contracts_contract_id", x => x.contract_id, "contracts", "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_contract_specifications_contract_id_version", "contract_specifications", ["contract_id", "version"],
            unique: true);

        // Existing contracts were planned by #2685's specification: they keep it, as data now.
        var postgres = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var document = SpecificationJson.Write(Specification2685.Specification).Replace("'", "''", StringComparison.Ordinal);
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        migrationBuilder.Sql($"""
            INSERT INTO contract_specifications (id, contract_id, version, document, changed_by, changed_at, reason)
            SELECT id, id, 1, '{document}', 'migration', {now}, 'Specification of bid #2685, which every contract was planned by until specifications were stored'
            FROM contracts
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "contract_specifications");
}
