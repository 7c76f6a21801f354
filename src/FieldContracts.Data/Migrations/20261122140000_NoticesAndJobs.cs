using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// Chemical notices by email and the time-driven jobs: notice recipients per school, the notices decided, the
/// email outbox, missed-work findings, licences with their expiry, and the record of job runs. Quartz's own
/// tables (prefix <c>qrtz_</c>) are not here: Quartz provisions them (docs/decisions/0007).
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261122140000_NoticesAndJobs")]
public sealed class NoticesAndJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "notice_recipients",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                site_id = table.Column<Guid>(nullable: false),
                category = table.Column<string>(nullable: false, maxLength: 40),
                name = table.Column<string>(nullable: false, maxLength: 200),
                email = table.Column<string>(nullable: false, maxLength: 320),
                is_sample = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_notice_recipients", x => x.id);
                table.ForeignKey(
                    name: "fk_notice_recipients_sites_site_id",
                    column: x => x.site_id,
                    principalTable: "sites",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "chemical_notices",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                occurrence_id = table.Column<Guid>(nullable: false),
                version = table.Column<int>(nullable: false),
                application_starts_at = table.Column<DateTime>(nullable: false),
                application_date_named = table.Column<DateOnly>(nullable: false),
                due_by = table.Column<DateTime>(nullable: false),
                decided_at = table.Column<DateTime>(nullable: false),
                recipient_count = table.Column<int>(nullable: false),
                first_accepted_at = table.Column<DateTime?>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_chemical_notices", x => x.id);
                table.ForeignKey(
                    name: "fk_chemical_notices_contracts_contract_id",
                    column: x => x.contract_id,
                    principalTable: "contracts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_chemical_notices_plan_occurrences_occurrence_id",
                    column: x => x.occurrence_id,
                    principalTable: "plan_occurrences",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(nullable: false, maxLength: 40),
                dedup_key = table.Column<string>(nullable: false, maxLength: 400),
                chemical_notice_id = table.Column<Guid?>(nullable: true),
                to_address = table.Column<string>(nullable: false, maxLength: 320),
                to_name = table.Column<string>(nullable: false, maxLength: 200),
                subject = table.Column<string>(nullable: false, maxLength: 400),
                body = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: false),
                claimed_by = table.Column<string>(nullable: true, maxLength: 200),
                claimed_until = table.Column<DateTime?>(nullable: true),
                sent_at = table.Column<DateTime?>(nullable: true),
                gave_up_at = table.Column<DateTime?>(nullable: true),
                last_error = table.Column<string>(nullable: true, maxLength: 2000),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_outbox_messages", x => x.id);
                table.ForeignKey(
                    name: "fk_outbox_messages_chemical_notices_chemical_notice_id",
                    column: x => x.chemical_notice_id,
                    principalTable: "chemical_notices",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "missed_work",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contract_id = table.Column<Guid>(nullable: false),
                occurrence_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(nullable: false, maxLength: 40),
                window_end = table.Column<DateOnly>(nullable: false),
                logged_on = table.Column<DateOnly?>(nullable: true),
                found_on = table.Column<DateOnly>(nullable: false),
                found_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_missed_work", x => x.id);
                table.ForeignKey(
                    name: "fk_missed_work_contracts_contract_id",
                    column: x => x.contract_id,
                    principalTable: "contracts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_missed_work_plan_occurrences_occurrence_id",
                    column: x => x.occurrence_id,
                    principalTable: "plan_occurrences",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "licences",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                contractor_id = table.Column<Guid>(nullable: false),
                holder = table.Column<string>(nullable: false, maxLength: 200),
                number = table.Column<string>(nullable: false, maxLength: 100),
                kind = table.Column<string>(nullable: false, maxLength: 200),
                expires_on = table.Column<DateOnly>(nullable: false),
                reminder_email = table.Column<string>(nullable: false, maxLength: 320),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_licences", x => x.id);
                table.ForeignKey(
                    name: "fk_licences_contractors_contractor_id",
                    column: x => x.contractor_id,
                    principalTable: "contractors",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "job_runs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                job_name = table.Column<string>(nullable: false, maxLength: 100),
                fire_instance_id = table.Column<string>(nullable: false, maxLength: 100),
                node = table.Column<string>(nullable: false, maxLength: 200),
                started_at = table.Column<DateTime>(nullable: false),
                finished_at = table.Column<DateTime?>(nullable: true),
                duration_milliseconds = table.Column<long?>(nullable: true),
                outcome = table.Column<string>(nullable: false, maxLength: 40),
                retry_attempt = table.Column<int>(nullable: false),
                summary = table.Column<string>(nullable: true, maxLength: 1000),
                error = table.Column<string>(nullable: true, maxLength: 4000),
            },
            constraints: table => table.PrimaryKey("pk_job_runs", x => x.id));

        migrationBuilder.CreateIndex(
            name: "ix_notice_recipients_site_id_category_email",
            table: "notice_recipients",
            columns: ["site_id", "category", "email"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_chemical_notices_contract_id",
            table: "chemical_notices",
            column: "contract_id");

        migrationBuilder.CreateIndex(
            name: "ix_chemical_notices_occurrence_id_version",
            table: "chemical_notices",
            columns: ["occurrence_id", "version"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_chemical_notice_id",
            table: "outbox_messages",
            column: "chemical_notice_id");

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_dedup_key",
            table: "outbox_messages",
            column: "dedup_key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_outbox_messages_sent_at_next_attempt_at",
            table: "outbox_messages",
            columns: ["sent_at", "next_attempt_at"]);

        migrationBuilder.CreateIndex(
            name: "ix_missed_work_contract_id",
            table: "missed_work",
            column: "contract_id");

        migrationBuilder.CreateIndex(
            name: "ix_missed_work_occurrence_id_kind",
            table: "missed_work",
            columns: ["occurrence_id", "kind"],
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_licences_contractor_id",
            table: "licences",
            column: "contractor_id");

        migrationBuilder.CreateIndex(
            name: "ix_licences_expires_on",
            table: "licences",
            column: "expires_on");

        migrationBuilder.CreateIndex(
            name: "ix_job_runs_job_name_started_at",
            table: "job_runs",
            columns: ["job_name", "started_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "job_runs");
        migrationBuilder.DropTable(name: "licences");
        migrationBuilder.DropTable(name: "missed_work");
        migrationBuilder.DropTable(name: "outbox_messages");
        migrationBuilder.DropTable(name: "chemical_notices");
        migrationBuilder.DropTable(name: "notice_recipients");
    }
}
