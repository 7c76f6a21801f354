using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// The seasonal plan: stored occurrences with their revisions, the facts the plan is made from (growth and dormancy by year, end of fall sports by school and year, moves, school calendars, season windows), and the record of changes.
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261122100000_SeasonalPlan")]
public sealed class SeasonalPlan : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "contract_year_facts",
            columns: table => new
            {
                contract_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                growth_start = table.Column<DateOnly?>(nullable: true),
                dormancy = table.Column<DateOnly?>(nullable: true),
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
                occurrence_id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                to = table.Column<DateOnly>(nullable: false),
                at_minute = table.Column<int?>(nullable: true),
                emergency_reason = table.Column<string>(nullable: true, maxLength: 1000),
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
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                cause = table.Column<string>(nullable: false, maxLength: 40),
                description = table.Column<string>(nullable: false, maxLength: 2000),
                reason = table.Column<string>(nullable: false, maxLength: 1000),
                changed_by = table.Column<string>(nullable: false, maxLength: 256),
                changed_at = table.Column<DateTime>(nullable: false),
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
            name: "season_windows",
            columns: table => new
            {
                contract_id = table.Column<Guid>(nullable: false),
                season_key = table.Column<string>(nullable: false, maxLength: 40),
                default_start = table.Column<string>(nullable: false),
                default_end = table.Column<string>(nullable: false),
                overrides = table.Column<string>(nullable: false),
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
            name: "plan_occurrence_changes",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                fact_change_id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                occurrence_id = table.Column<Guid>(nullable: false),
                what = table.Column<string>(nullable: false, maxLength: 200),
                planned_before = table.Column<DateOnly?>(nullable: true),
                planned_after = table.Column<DateOnly?>(nullable: true),
                status_before = table.Column<string>(nullable: true, maxLength: 40),
                status_after = table.Column<string>(nullable: true, maxLength: 40),
                fresh_notice_required = table.Column<bool>(nullable: false),
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
            name: "plan_occurrences",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                site_id = table.Column<Guid>(nullable: false),
                task_key = table.Column<string>(nullable: false, maxLength: 80),
                item_reference = table.Column<string>(nullable: false, maxLength: 20),
                season_key = table.Column<string>(nullable: false, maxLength: 40),
                kind = table.Column<string>(nullable: false, maxLength: 40),
                year = table.Column<int>(nullable: false),
                series_number = table.Column<int>(nullable: false),
                window_start = table.Column<DateOnly>(nullable: false),
                window_end = table.Column<DateOnly>(nullable: false),
                planned_date = table.Column<DateOnly?>(nullable: true),
                status = table.Column<string>(nullable: false, maxLength: 40),
                is_chemical = table.Column<bool>(nullable: false),
                application_starts_at = table.Column<DateTime?>(nullable: true),
                application_minutes = table.Column<int?>(nullable: true),
                notice_due_by = table.Column<DateTime?>(nullable: true),
                emergency_reason = table.Column<string>(nullable: true, maxLength: 1000),
                deliverable = table.Column<string>(nullable: true, maxLength: 500),
                logged_on = table.Column<DateOnly?>(nullable: true),
                detail = table.Column<string>(nullable: false),
                cancelled = table.Column<bool>(nullable: false),
                revision = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_modified = table.Column<DateTime>(nullable: false),
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
                site_id = table.Column<Guid>(nullable: false),
                calendar = table.Column<string>(nullable: false),
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
                site_id = table.Column<Guid>(nullable: false),
                year = table.Column<int>(nullable: false),
                end_of_fall_sports = table.Column<DateOnly?>(nullable: true),
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

        migrationBuilder.CreateIndex(
            name: "ix_occurrence_moves_contract_id",
            table: "occurrence_moves",
            column: "contract_id");

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
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "site_year_facts");
        migrationBuilder.DropTable(name: "school_calendars");
        migrationBuilder.DropTable(name: "plan_occurrences");
        migrationBuilder.DropTable(name: "plan_occurrence_changes");
        migrationBuilder.DropTable(name: "season_windows");
        migrationBuilder.DropTable(name: "plan_fact_changes");
        migrationBuilder.DropTable(name: "occurrence_moves");
        migrationBuilder.DropTable(name: "contract_year_facts");
    }
}
