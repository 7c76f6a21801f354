using FieldContracts.Data.Conversion;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Migrations;

/// <summary>
/// Each contract's working days and holidays, its crews applying chemicals per day, and the re-entry time after an
/// application. Contracts stored before keep the plan's rules of then as near as they can: Monday to Saturday, no
/// holidays, one crew, 24 hours.
/// </summary>
[DbContext(typeof(FieldContractsDbContext))]
[Migration("20261130090000_WorkCalendars")]
public sealed class WorkCalendars : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("settings_crews_per_day", "contracts", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<long>("settings_re_entry_seconds", "contracts", nullable: false, defaultValue: 24L * 3600);
        migrationBuilder.AddColumn<string>("settings_work_calendar", "contracts", nullable: false, defaultValue: WorkCalendarConverter.MondayToSaturday);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("settings_crews_per_day", "contracts");
        migrationBuilder.DropColumn("settings_re_entry_seconds", "contracts");
        migrationBuilder.DropColumn("settings_work_calendar", "contracts");
    }
}
