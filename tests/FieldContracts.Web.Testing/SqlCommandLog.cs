using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldContracts.Web.Testing;

/// <summary>
/// The SQL the application sends while it serves a request that carries <see cref="Header"/>, kept by the header's
/// value, so a test can count the queries behind one answer. Requests without the header are not looked at, and
/// nothing the application sends or answers changes.
/// </summary>
public sealed class SqlCommandLog : DbCommandInterceptor
{
    public const string Header = "X-Test-Sql-Log";

    private static readonly AsyncLocal<string?> Tag = new();

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new(StringComparer.Ordinal);

    /// <summary>The SQL of every command sent while serving requests tagged <paramref name="tag"/>, in order.</summary>
    public IReadOnlyList<string> Of(string tag) => _commands.TryGetValue(tag, out var commands) ? [.. commands] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (Tag.Value is { } tag)
        {
            _commands.GetOrAdd(tag, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
        }
    }

    /// <summary>First in the pipeline: a request with the header is served under its tag.</summary>
    internal sealed class Tagging : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, serve) =>
            {
                var tag = context.Request.Headers[Header].ToString();
                if (tag.Length > 0)
                {
                    Tag.Value = tag;
                }

                await serve(context);
            });
            next(app);
        };
    }
}
