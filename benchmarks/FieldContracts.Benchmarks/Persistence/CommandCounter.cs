using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldContracts.Benchmarks.Persistence;

/// <summary>
/// Counts the commands EF Core sends to the database (each one a round trip) and the INSERT statements
/// they carry, to show whether rows are written in batches or one at a time.
/// </summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    public int Commands { get; private set; }

    public int Inserts { get; private set; }

    public int Parameters { get; private set; }

    /// <summary>The most INSERT statements one command carried.</summary>
    public int LargestBatch { get; private set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        Commands++;
        Parameters += command.Parameters.Count;
        var inserts = 0;
        var text = command.CommandText.AsSpan();
        for (var at = text.IndexOf("INSERT INTO", StringComparison.Ordinal); at >= 0; at = text.IndexOf("INSERT INTO", StringComparison.Ordinal))
        {
            inserts++;
            text = text[(at + 11)..];
        }

        Inserts += inserts;
        LargestBatch = Math.Max(LargestBatch, inserts);
    }
}
