using Microsoft.EntityFrameworkCore.Design;

namespace FieldContracts.Data.Migrations.Sqlite;

/// <summary>
/// The context as the EF Core tools see it for SQLite. Adding a migration or scripting them opens no connection, so
/// the connection string is a placeholder; commands that reach a database take one with <c>--connection</c>.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FieldContractsDbContext>
{
    public FieldContractsDbContext CreateDbContext(string[] args) =>
        FieldContractsDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=fieldcontracts.db"));
}
