using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldContracts.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "added_at",
                table: "licences",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "added_by",
                table: "licences",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "licences",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "holder_is_firm",
                table: "licences",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_sample",
                table: "licences",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "issued_on",
                table: "licences",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "issuer",
                table: "licences",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "scan_content_type",
                table: "licences",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scan_file_name",
                table: "licences",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "scan_length",
                table: "licences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scan_sha256",
                table: "licences",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Licences entered before the register kept their kind as free text: read it into the register's kinds, keeping
            // the words as the pesticide category, and mark the issuer as not recorded (the register requires one).
            migrationBuilder.Sql(
                """
                UPDATE licences SET
                    category = CASE WHEN (LOWER(kind) LIKE '%pesticide%' OR LOWER(kind) LIKE '%applicator%') THEN SUBSTR(kind, 1, 100) ELSE NULL END,
                    issuer = 'Not recorded',
                    kind = CASE
                        WHEN LOWER(kind) LIKE '%irrigat%' THEN 'Irrigation'
                        WHEN (LOWER(kind) LIKE '%pesticide%' OR LOWER(kind) LIKE '%applicator%') AND LOWER(kind) LIKE '%supervis%' THEN 'PesticideSupervisory'
                        WHEN (LOWER(kind) LIKE '%pesticide%' OR LOWER(kind) LIKE '%applicator%') THEN 'PesticideOperator'
                        WHEN LOWER(kind) LIKE '%supervis%' THEN 'Supervisor'
                        ELSE 'Business' END
                """);

            migrationBuilder.CreateTable(
                name: "insurance_requirements",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coverages = table.Column<string>(type: "TEXT", nullable: false),
                    minimum_rating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    notice_of_cancellation_days = table.Column<int>(type: "INTEGER", nullable: false),
                    certificate_due_days = table.Column<int>(type: "INTEGER", nullable: false),
                    lapse_opens_case = table.Column<bool>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_insurance_requirements", x => x.contract_id);
                    table.ForeignKey(
                        name: "fk_insurance_requirements_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subcontract_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subcontractor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subcontractor_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    subcontractor_contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    requested_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    item_references = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subcontract_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_subcontract_requests_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "insurance_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contract_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subcontract_request_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    producer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    producer_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    insured_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    insured_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    holder_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description_of_operations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    cancellation_notice_days = table.Column<int>(type: "INTEGER", nullable: false),
                    insurers = table.Column<string>(type: "TEXT", nullable: false),
                    coverages = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    document_file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    document_content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    document_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    document_length = table.Column<long>(type: "INTEGER", nullable: false),
                    is_sample = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_insurance_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_insurance_certificates_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_insurance_certificates_subcontract_requests_subcontract_request_id",
                        column: x => x.subcontract_request_id,
                        principalTable: "subcontract_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_insurance_certificates_contract_id_status",
                table: "insurance_certificates",
                columns: new[] { "contract_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_insurance_certificates_subcontract_request_id",
                table: "insurance_certificates",
                column: "subcontract_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_subcontract_requests_contract_id",
                table: "subcontract_requests",
                column: "contract_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insurance_certificates");

            migrationBuilder.DropTable(
                name: "insurance_requirements");

            migrationBuilder.DropTable(
                name: "subcontract_requests");

            migrationBuilder.DropColumn(
                name: "added_at",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "added_by",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "category",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "holder_is_firm",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "is_sample",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "issued_on",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "issuer",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "scan_content_type",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "scan_file_name",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "scan_length",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "scan_sha256",
                table: "licences");
        }
    }
}
