using BenchmarkDotNet.Attributes;
using FieldContracts.Data;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Benchmarks.Persistence;

/// <summary>
/// Saving the plans of 100 contracts the size of #2685 (about 44,000 occurrence rows) on PostgreSQL and SQLite.
/// <see cref="PlanAndSave"/> takes the path a new contract's plan takes in the application, one context per
/// contract: load the plan state, plan, bring the stored occurrences up to date, add the change record, save.
/// <see cref="SavePlannedRows"/> saves the same rows made beforehand, to show what the writes alone cost.
/// Every iteration starts from empty plan tables; the contracts are stored once.
/// </summary>
[MemoryDiagnoser]
public class PlanSaveBenchmarks
{
    public const int ContractCount = 100;

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Instant Now = Instant.FromUtc(2003, 5, 1, 13, 0);

    private BenchmarkDatabase _database = null!;
    private Guid[] _contractIds = [];
    private IReadOnlyList<OccurrenceRecord>[] _plannedRows = [];
    private int _saveCommands;

    [Params(DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite)]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup(Target = nameof(PlanAndSave))]
    public void SetupPlanAndSave() => Setup(nameof(PlanAndSave), SaveAsync);

    [GlobalSetup(Target = nameof(SavePlannedRows))]
    public void SetupSavePlannedRows()
    {
        Setup(nameof(SavePlannedRows), counter =>
        {
            _plannedRows = PlanRowsAsync().GetAwaiter().GetResult();
            return SaveRowsAsync(counter);
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void EmptyPlanTables()
    {
        using var db = _database.CreateContext();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            db.Database.ExecuteSqlRaw("TRUNCATE plan_occurrence_changes, plan_fact_changes, plan_occurrences");
        }
        else
        {
            db.Database.ExecuteSqlRaw("DELETE FROM plan_occurrence_changes; DELETE FROM plan_fact_changes; DELETE FROM plan_occurrences;");
        }
    }

    [Benchmark]
    public Task<int> PlanAndSave() => SaveAsync(null);

    [Benchmark]
    public Task<int> SavePlannedRows() => SaveRowsAsync(null);

    private void Setup(string benchmark, Func<CommandCounter?, Task<int>> save)
    {
        SaveCounts.Clear(benchmark, Provider.ToString());
        _database = BenchmarkDatabase.CreateAsync(Provider).GetAwaiter().GetResult();
        _contractIds = StoreContractsAsync().GetAwaiter().GetResult();

        // One counted save, which also shows that the benchmark writes what it should.
        var counter = new CommandCounter();
        var rows = save(counter).GetAwaiter().GetResult();
        using (var db = _database.CreateContext())
        {
            var stored = db.Occurrences.Count() + db.PlanFactChanges.Count();
            if (stored != rows)
            {
                throw new InvalidOperationException($"{benchmark} reported {rows} rows but {stored} are stored.");
            }
        }

        new SaveCounts(rows, counter.Commands - _saveCommands, _saveCommands, counter.Inserts, counter.LargestBatch,
            counter.Parameters).Write(benchmark, Provider.ToString());
    }

    /// <summary>The contractor, then each contract with its schools, areas, school calendars and specification.</summary>
    private async Task<Guid[]> StoreContractsAsync()
    {
        var contractor = new Contractor(Guid.NewGuid(), "Benchmark Grounds LLC", new PostalAddress("1 Main Street", "Hartford", "CT", "06103"));
        var calendar = Contracts2685.CalendarJson();
        var specification = Contracts2685.SpecificationJson();
        await using var db = _database.CreateContext();
        db.Contractors.Add(contractor);
        var ids = new Guid[ContractCount];
        for (var n = 1; n <= ContractCount; n++)
        {
            var contract = Contracts2685.Contract(n, contractor.Id);
            db.Contracts.Add(contract);
            db.SchoolCalendars.AddRange(contract.Sites.Select(s => new SchoolCalendarRecord { SiteId = s.Id, Calendar = calendar }));
            db.Specifications.Add(new ContractSpecificationRecord
            {
                Id = Guid.NewGuid(), ContractId = contract.Id, Version = 1, Document = specification, ChangedBy = "benchmark",
                ChangedAt = Now, Reason = "Contract set up",
            });
            ids[n - 1] = contract.Id;
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>What <c>PlanService.EnsurePlanAsync</c> does for a contract without a plan, for each contract.</summary>
    private async Task<int> SaveAsync(CommandCounter? counter)
    {
        var rows = 0;
        _saveCommands = 0;
        foreach (var contractId in _contractIds)
        {
            await using var db = _database.CreateContext(counter);
            var state = await PlanState.LoadAsync(db, contractId, CancellationToken.None)
                ?? throw new InvalidOperationException($"Contract {contractId} is missing.");
            var plan = SeasonalPlanner.Plan(state.ToInput(Zone));
            var added = state.Sync(plan, Now);
            db.Occurrences.AddRange(added);
            db.PlanFactChanges.Add(ChangeRecord(contractId, plan.Occurrences.Count));
            rows += added.Count + 1;
            await SaveChangesCountedAsync(db, counter);
        }

        return rows;
    }

    /// <summary>The rows <see cref="SaveAsync"/> writes, made once without saving.</summary>
    private async Task<IReadOnlyList<OccurrenceRecord>[]> PlanRowsAsync()
    {
        var rows = new IReadOnlyList<OccurrenceRecord>[_contractIds.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            await using var db = _database.CreateContext();
            var state = await PlanState.LoadAsync(db, _contractIds[i], CancellationToken.None)
                ?? throw new InvalidOperationException($"Contract {_contractIds[i]} is missing.");
            rows[i] = state.Sync(SeasonalPlanner.Plan(state.ToInput(Zone)), Now);
        }

        return rows;
    }

    private async Task<int> SaveRowsAsync(CommandCounter? counter)
    {
        var rows = 0;
        _saveCommands = 0;
        for (var i = 0; i < _contractIds.Length; i++)
        {
            // Each context tracks the records only while it saves them, so the same objects can be added again.
            await using var db = _database.CreateContext(counter);
            db.Occurrences.AddRange(_plannedRows[i]);
            db.PlanFactChanges.Add(ChangeRecord(_contractIds[i], _plannedRows[i].Count));
            rows += _plannedRows[i].Count + 1;
            await SaveChangesCountedAsync(db, counter);
        }

        return rows;
    }

    private async Task SaveChangesCountedAsync(FieldContractsDbContext db, CommandCounter? counter)
    {
        var before = counter?.Commands ?? 0;
        await db.SaveChangesAsync();
        _saveCommands += (counter?.Commands ?? 0) - before;
    }

    private static PlanFactChange ChangeRecord(Guid contractId, int occurrences) => new()
    {
        Id = Guid.NewGuid(),
        ContractId = contractId,
        Cause = ReplanCause.Other,
        Description = $"Plan made from the specification: {occurrences} occurrences.",
        Reason = "Contract set up",
        ChangedBy = "purchasing",
        ChangedAt = Now,
    };
}
