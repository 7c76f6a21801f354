using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldContracts.Data.Testing;

/// <summary>
/// The SQL Server provider with no server behind it (none can run on the test machines): connections are never opened,
/// and each command the application's code sends is recorded and answered with no rows. The SQL Server provider builds
/// the model, the migrations and every query's SQL exactly as it would against a server.
/// </summary>
public sealed class SqlServerWithoutServer
{
    /// <summary>A connection string that reaches nothing; nothing is ever sent to it.</summary>
    public static readonly DatabaseSettings Settings =
        DatabaseSettings.SqlServer("Server=none.invalid;Database=fieldcontracts;Integrated Security=true;TrustServerCertificate=true");

    private readonly List<string> _commands = [];

    /// <summary>The SQL of every command sent so far, in order.</summary>
    public IReadOnlyList<string> Commands => _commands;

    /// <summary>A context that records its commands here instead of sending them.</summary>
    public FieldContractsDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<FieldContractsDbContext>();
        options.UseFieldContractsDatabase(Settings).AddInterceptors(new NoServer(_commands));
        return new FieldContractsDbContext(options.Options);
    }

    /// <summary>A context on the SQL Server provider that never records or answers anything (model, migrations, scripts).</summary>
    public static FieldContractsDbContext CreateModelContext() => FieldContractsDatabase.CreateContext(Settings);

    private sealed class NoServer(List<string> commands) : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result) =>
            InterceptionResult<DbDataReader>.SuppressWithResult(Record(command));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Record(command)));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return InterceptionResult<object>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ScalarExecuting(command, eventData, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

        private DbDataReader Record(DbCommand command)
        {
            lock (commands)
            {
                commands.Add(command.CommandText);
            }

            return new NoRows();
        }
    }

    /// <summary>An answer with no rows and as many columns as any query asks for (a split query checks their number).</summary>
    private sealed class NoRows : DbDataReader
    {
        public override int FieldCount => 1024;

        public override bool HasRows => false;

        public override bool IsClosed => false;

        public override int RecordsAffected => 0;

        public override int Depth => 0;

        public override object this[int ordinal] => throw NoRow();

        public override object this[string name] => throw NoRow();

        public override bool Read() => false;

        public override bool NextResult() => false;

        public override Type GetFieldType(int ordinal) => typeof(object);

        public override string GetName(int ordinal) => $"column{ordinal}";

        public override int GetOrdinal(string name) => throw NoRow();

        public override string GetDataTypeName(int ordinal) => "sql_variant";

        public override bool IsDBNull(int ordinal) => throw NoRow();

        public override object GetValue(int ordinal) => throw NoRow();

        public override int GetValues(object[] values) => throw NoRow();

        public override bool GetBoolean(int ordinal) => throw NoRow();

        public override byte GetByte(int ordinal) => throw NoRow();

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw NoRow();

        public override char GetChar(int ordinal) => throw NoRow();

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw NoRow();

        public override DateTime GetDateTime(int ordinal) => throw NoRow();

        public override decimal GetDecimal(int ordinal) => throw NoRow();

        public override double GetDouble(int ordinal) => throw NoRow();

        public override float GetFloat(int ordinal) => throw NoRow();

        public override Guid GetGuid(int ordinal) => throw NoRow();

        public override short GetInt16(int ordinal) => throw NoRow();

        public override int GetInt32(int ordinal) => throw NoRow();

        public override long GetInt64(int ordinal) => throw NoRow();

        public override string GetString(int ordinal) => throw NoRow();

        public override System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();

        private static InvalidOperationException NoRow() => new("There is no row: no server answered.");
    }
}
