using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace FieldContracts.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attachment_content_type",
                table: "outbox_messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachment_file_name",
                table: "outbox_messages",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachment_sha256",
                table: "outbox_messages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "performance_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term_end = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    meeting_on = table.Column<LocalDate>(type: "date", nullable: true),
                    meeting_place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    meeting_attendees = table.Column<string>(type: "text", nullable: false),
                    meeting_held_on = table.Column<LocalDate>(type: "date", nullable: true),
                    meeting_minutes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    contractor_response = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    remedial_period_starts_on = table.Column<LocalDate>(type: "date", nullable: true),
                    remedial_period_ends_on = table.Column<LocalDate>(type: "date", nullable: true),
                    cure_notice_sent_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_performance_cases_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    step_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    added_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_documents_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_documents_performance_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "performance_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract_terminations",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    notice_on = table.Column<LocalDate>(type: "date", nullable: true),
                    effective_on = table.Column<LocalDate>(type: "date", nullable: false),
                    party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    documents = table.Column<string>(type: "text", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_terminations", x => x.contract_id);
                    table.ForeignKey(
                        name: "fk_contract_terminations_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_terminations_performance_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "performance_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "performance_case_deficiencies",
                columns: table => new
                {
                    deficiency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    found_on = table.Column<LocalDate>(type: "date", nullable: false),
                    status_when_named = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cured_means = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cured = table.Column<bool>(type: "boolean", nullable: true),
                    inspected_on = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_case_deficiencies", x => new { x.case_id, x.deficiency_id });
                    table.ForeignKey(
                        name: "fk_performance_case_deficiencies_deficiencies_deficiency_id",
                        column: x => x.deficiency_id,
                        principalTable: "deficiencies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_performance_case_deficiencies_performance_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "performance_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "performance_case_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    command = table.Column<string>(type: "text", nullable: true),
                    status_after = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    documents = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_performance_case_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_performance_case_steps_performance_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "performance_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_case_id",
                table: "case_documents",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_documents_contract_id",
                table: "case_documents",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_terminations_case_id",
                table: "contract_terminations",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_performance_case_deficiencies_deficiency_id",
                table: "performance_case_deficiencies",
                column: "deficiency_id");

            migrationBuilder.CreateIndex(
                name: "ix_performance_case_steps_case_id",
                table: "performance_case_steps",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_performance_cases_contract_id_status",
                table: "performance_cases",
                columns: new[] { "contract_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_documents");

            migrationBuilder.DropTable(
                name: "contract_terminations");

            migrationBuilder.DropTable(
                name: "performance_case_deficiencies");

            migrationBuilder.DropTable(
                name: "performance_case_steps");

            migrationBuilder.DropTable(
                name: "performance_cases");

            migrationBuilder.DropColumn(
                name: "attachment_content_type",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_file_name",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_sha256",
                table: "outbox_messages");
        }
    }
}
