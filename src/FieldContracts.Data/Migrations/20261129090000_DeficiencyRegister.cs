using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// One deficiency register in place of two stores: the work-log checks' <c>deficiency_candidates</c> and the
/// nightly pass's <c>missed_work</c> move into <c>deficiencies</c>, whose steps (acknowledged, disputed, upheld,
/// withdrawn, cured) are kept in <c>deficiency_steps</c>. Moved rows keep their ids and are open; a check's finding
/// of work done outside its window becomes late or early work by the day it was done.
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261129090000_DeficiencyRegister")]
public sealed class DeficiencyRegister : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "deficiencies",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                site_id = table.Column<Guid?>(nullable: true),
                area_ids = table.Column<string>(nullable: false),
                kind = table.Column<string>(nullable: false, maxLength: 40),
                occurrence_id = table.Column<Guid?>(nullable: true),
                work_log_id = table.Column<Guid?>(nullable: true),
                work_log_version = table.Column<int?>(nullable: true),
                evidence = table.Column<string>(nullable: false, maxLength: 2000),
                dedup_key = table.Column<string>(nullable: true, maxLength: 200),
                raised_by_party = table.Column<string>(nullable: false, maxLength: 20),
                raised_by = table.Column<string>(nullable: false, maxLength: 256),
                raised_at = table.Column<DateTime>(nullable: false),
                found_on = table.Column<DateOnly>(nullable: false),
                status = table.Column<string>(nullable: false, maxLength: 20),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_deficiencies", x => x.id);
                table.ForeignKey("fk_deficiencies_contracts_contract_id", x => x.contract_id, "contracts", "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_deficiencies_sites_site_id", x => x.site_id, "sites", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_deficiencies_plan_occurrences_occurrence_id", x => x.occurrence_id, "plan_occurrences", "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_deficiencies_work_logs_work_log_id", x => x.work_log_id, "work_logs", "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "deficiency_steps",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                deficiency_id = table.Column<Guid>(nullable: false),
                action = table.Column<string>(nullable: false, maxLength: 20),
                status_after = table.Column<string>(nullable: false, maxLength: 20),
                party = table.Column<string>(nullable: false, maxLength: 20),
                by = table.Column<string>(nullable: false, maxLength: 256),
                at = table.Column<DateTime>(nullable: false),
                text = table.Column<string>(nullable: false, maxLength: 2000),
                cure_work_log_id = table.Column<Guid?>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_deficiency_steps", x => x.id);
                table.ForeignKey("fk_deficiency_steps_deficiencies_deficiency_id", x => x.deficiency_id, "deficiencies", "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_deficiency_steps_work_logs_cure_work_log_id", x => x.cure_work_log_id, "work_logs", "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_deficiencies_dedup_key", "deficiencies", "dedup_key", unique: true);
        migrationBuilder.CreateIndex("ix_deficiencies_contract_id_status", "deficiencies", ["contract_id", "status"]);
        migrationBuilder.CreateIndex("ix_deficiencies_occurrence_id", "deficiencies", "occurrence_id");
        migrationBuilder.CreateIndex("ix_deficiencies_site_id", "deficiencies", "site_id");
        migrationBuilder.CreateIndex("ix_deficiencies_work_log_id", "deficiencies", "work_log_id");
        migrationBuilder.CreateIndex("ix_deficiency_steps_deficiency_id", "deficiency_steps", "deficiency_id");
        migrationBuilder.CreateIndex("ix_deficiency_steps_cure_work_log_id", "deficiency_steps", "cure_work_log_id");

        var postgres = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        // Keys as the application writes them: lower-case hex without dashes; area ids as a JSON list of GUID strings.
        string Hex(string column) => postgres ? $"replace({column}::text, '-', '')" : $"lower(replace({column}, '-', ''))";
        string GuidText(string column) => postgres ? $"{column}::text" : $"lower({column})";
        var hartfordDay = postgres ? "(c.raised_at AT TIME ZONE 'America/New_York')::date" : "date(c.raised_at)";

        migrationBuilder.Sql($"""
            INSERT INTO deficiencies (id, contract_id, site_id, area_ids, kind, occurrence_id, work_log_id, work_log_version, evidence,
                                      dedup_key, raised_by_party, raised_by, raised_at, found_on, status)
            SELECT c.id, c.contract_id, l.site_id,
                   CASE WHEN c.area_id IS NULL THEN '[]' ELSE '["' || {GuidText("c.area_id")} || '"]' END,
                   CASE WHEN c.kind <> 'OutsideWindow' THEN c.kind
                        WHEN EXISTS (SELECT 1 FROM plan_occurrences o WHERE o.id = c.occurrence_id AND v.work_date > o.window_end) THEN 'LateWork'
                        ELSE 'EarlyWork' END,
                   c.occurrence_id, c.work_log_id, c.version, c.evidence,
                   'candidate:' || {Hex("c.id")}, 'System', 'Specification checks', c.raised_at, {hartfordDay}, 'Open'
            FROM deficiency_candidates c
            JOIN work_logs l ON l.id = c.work_log_id
            JOIN work_log_versions v ON v.work_log_id = c.work_log_id AND v.version = c.version
            """);
        migrationBuilder.Sql($"""
            INSERT INTO deficiencies (id, contract_id, site_id, area_ids, kind, occurrence_id, work_log_id, work_log_version, evidence,
                                      dedup_key, raised_by_party, raised_by, raised_at, found_on, status)
            SELECT m.id, m.contract_id, o.site_id, '[]',
                   CASE m.kind WHEN 'Missed' THEN 'MissedWork' ELSE 'LateWork' END,
                   m.occurrence_id, NULL, NULL,
                   CASE m.kind WHEN 'Missed' THEN 'Nothing was logged by the last day of the window, ' || m.window_end || '.'
                               ELSE 'Logged on ' || m.logged_on || ', after the last day of the window, ' || m.window_end || '.' END,
                   CASE m.kind WHEN 'Missed' THEN 'missed:' ELSE 'late:' END || {Hex("m.occurrence_id")},
                   'System', 'Missed-work pass', m.found_at, m.found_on, 'Open'
            FROM missed_work m
            JOIN plan_occurrences o ON o.id = m.occurrence_id
            """);

        migrationBuilder.DropTable(name: "deficiency_candidates");
        migrationBuilder.DropTable(name: "missed_work");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The deficiency register replaces two stores; going back would lose its steps.");
}
