using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// Work logs: visits with their versions, review events and photos; deficiency candidates raised by
/// the checks against the specification; chemical pre-notifications recorded as given.
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261122130000_WorkLogs")]
public sealed class WorkLogs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "work_logs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                contractor_id = table.Column<Guid>(nullable: false),
                site_id = table.Column<Guid>(nullable: false),
                idempotency_key = table.Column<string>(nullable: false, maxLength: 100),
                current_version = table.Column<int>(nullable: false),
                status = table.Column<string>(nullable: false, maxLength: 20),
                emergency_application = table.Column<bool>(nullable: false),
                submitted_by = table.Column<string>(nullable: false, maxLength: 256),
                submitted_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_work_logs", x => x.id);
                table.ForeignKey(
                    name: "fk_work_logs_contracts_contract_id",
                    column: x => x.contract_id,
                    principalTable: "contracts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_work_logs_sites_site_id",
                    column: x => x.site_id,
                    principalTable: "sites",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "work_log_versions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                work_log_id = table.Column<Guid>(nullable: false),
                version = table.Column<int>(nullable: false),
                work_date = table.Column<DateOnly>(nullable: false),
                started_at = table.Column<DateTime>(nullable: false),
                finished_at = table.Column<DateTime>(nullable: false),
                crew = table.Column<string>(nullable: false),
                notes = table.Column<string>(nullable: true, maxLength: 4000),
                occurrence_ids = table.Column<string>(nullable: false),
                heights = table.Column<string>(nullable: false),
                application = table.Column<string>(nullable: true),
                recorded_by = table.Column<string>(nullable: false, maxLength: 256),
                recorded_at = table.Column<DateTime>(nullable: false),
                why = table.Column<string>(nullable: true, maxLength: 1000),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_work_log_versions", x => x.id);
                table.ForeignKey(
                    name: "fk_work_log_versions_work_logs_work_log_id",
                    column: x => x.work_log_id,
                    principalTable: "work_logs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "work_log_events",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                work_log_id = table.Column<Guid>(nullable: false),
                action = table.Column<string>(nullable: false, maxLength: 20),
                version = table.Column<int>(nullable: false),
                status_after = table.Column<string>(nullable: false, maxLength: 20),
                by = table.Column<string>(nullable: false, maxLength: 256),
                at = table.Column<DateTime>(nullable: false),
                text = table.Column<string>(nullable: true, maxLength: 2000),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_work_log_events", x => x.id);
                table.ForeignKey(
                    name: "fk_work_log_events_work_logs_work_log_id",
                    column: x => x.work_log_id,
                    principalTable: "work_logs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "work_log_photos",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                work_log_id = table.Column<Guid>(nullable: false),
                version = table.Column<int>(nullable: false),
                file_name = table.Column<string>(nullable: false, maxLength: 255),
                content_type = table.Column<string>(nullable: false, maxLength: 40),
                size_bytes = table.Column<long>(nullable: false),
                sha256 = table.Column<string>(nullable: false, maxLength: 64),
                storage_path = table.Column<string>(nullable: false, maxLength: 200),
                uploaded_by = table.Column<string>(nullable: false, maxLength: 256),
                uploaded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_work_log_photos", x => x.id);
                table.ForeignKey(
                    name: "fk_work_log_photos_work_logs_work_log_id",
                    column: x => x.work_log_id,
                    principalTable: "work_logs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "deficiency_candidates",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                work_log_id = table.Column<Guid>(nullable: false),
                version = table.Column<int>(nullable: false),
                occurrence_id = table.Column<Guid?>(nullable: true),
                area_id = table.Column<Guid?>(nullable: true),
                kind = table.Column<string>(nullable: false, maxLength: 40),
                evidence = table.Column<string>(nullable: false, maxLength: 2000),
                raised_at = table.Column<DateTime>(nullable: false),
                status = table.Column<string>(nullable: false, maxLength: 20),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_deficiency_candidates", x => x.id);
                table.ForeignKey(
                    name: "fk_deficiency_candidates_contracts_contract_id",
                    column: x => x.contract_id,
                    principalTable: "contracts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_deficiency_candidates_work_logs_work_log_id",
                    column: x => x.work_log_id,
                    principalTable: "work_logs",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "notice_records",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                occurrence_id = table.Column<Guid>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: false),
                application_date_named = table.Column<DateOnly>(nullable: false),
                channel = table.Column<string>(nullable: false, maxLength: 20),
                recorded_by = table.Column<string>(nullable: false, maxLength: 256),
                recorded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_notice_records", x => x.id);
                table.ForeignKey(
                    name: "fk_notice_records_contracts_contract_id",
                    column: x => x.contract_id,
                    principalTable: "contracts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_notice_records_plan_occurrences_occurrence_id",
                    column: x => x.occurrence_id,
                    principalTable: "plan_occurrences",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_work_logs_contract_id_status",
            table: "work_logs",
            columns: new[] { "contract_id", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_work_logs_contractor_id_idempotency_key",
            table: "work_logs",
            columns: new[] { "contractor_id", "idempotency_key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_work_logs_site_id",
            table: "work_logs",
            column: "site_id");

        migrationBuilder.CreateIndex(
            name: "ix_work_log_versions_work_log_id_version",
            table: "work_log_versions",
            columns: new[] { "work_log_id", "version" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_work_log_events_work_log_id",
            table: "work_log_events",
            column: "work_log_id");

        migrationBuilder.CreateIndex(
            name: "ix_work_log_photos_work_log_id",
            table: "work_log_photos",
            column: "work_log_id");

        migrationBuilder.CreateIndex(
            name: "ix_deficiency_candidates_contract_id_status",
            table: "deficiency_candidates",
            columns: new[] { "contract_id", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_deficiency_candidates_work_log_id",
            table: "deficiency_candidates",
            column: "work_log_id");

        migrationBuilder.CreateIndex(
            name: "ix_notice_records_contract_id",
            table: "notice_records",
            column: "contract_id");

        migrationBuilder.CreateIndex(
            name: "ix_notice_records_occurrence_id",
            table: "notice_records",
            column: "occurrence_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "notice_records");
        migrationBuilder.DropTable(name: "deficiency_candidates");
        migrationBuilder.DropTable(name: "work_log_photos");
        migrationBuilder.DropTable(name: "work_log_events");
        migrationBuilder.DropTable(name: "work_log_versions");
        migrationBuilder.DropTable(name: "work_logs");
    }
}
