using System.Data.Common;
using System.Runtime.CompilerServices;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// The signal that something a feed is made of changed on this node: a counter that every committed change to
/// the plan, a visit, a notice, a deficiency, a school or a subscription raises. Feeds cached before the
/// latest raise are checked against the database again before they are served.
/// </summary>
public sealed class FeedChanges
{
    private long _generation;

    public long Generation => Volatile.Read(ref _generation);

    public void Raise() => Interlocked.Increment(ref _generation);
}

/// <summary>
/// Raises <see cref="FeedChanges"/> where the data is saved: after <c>SaveChanges</c> wrote any entity a feed is made
/// of, and after a bulk update or delete of one of their tables. Inside an explicit transaction the raise waits
/// for the commit, so that no request reads the old rows after the signal and keeps them as current.
/// </summary>
public sealed class FeedChangeInterceptor(FeedChanges changes) : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> FeedEntities =
    [
        typeof(OccurrenceRecord), typeof(NoticeRecord), typeof(ChemicalNoticeRecord), typeof(Deficiency), typeof(WorkLog),
        typeof(WorkLogVersion), typeof(CalendarFeedSubscription), typeof(AppUser), typeof(Contract), typeof(Site), typeof(Area),
    ];

    /// <summary>Contexts that wrote feed data inside a transaction not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    private static readonly object Marker = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Bulk(command, eventData, result);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Bulk(command, eventData, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries()
                .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && FeedEntities.Contains(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && _pending.Remove(context))
        {
            changes.Raise();
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            changes.Raise();
        }
    }

    /// <summary>An <c>ExecuteUpdate</c> or <c>ExecuteDelete</c> that touched a table of feed data.</summary>
    private void Bulk(DbCommand command, CommandExecutedEventData eventData, int rows)
    {
        if (rows <= 0 || eventData.Context is not { } context || !TouchesFeedTable(context, command.CommandText))
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            changes.Raise();
        }
        else
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    private static bool TouchesFeedTable(DbContext context, string sql)
    {
        var text = sql.AsSpan().TrimStart();
        if (!(text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        foreach (var type in FeedEntities)
        {
            if (context.Model.FindEntityType(type)?.GetTableName() is { } table && sql.Contains(table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
