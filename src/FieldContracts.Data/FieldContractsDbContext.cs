using System.Text;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data.Conversion;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;

namespace FieldContracts.Data;

public sealed class FieldContractsDbContext(DbContextOptions<FieldContractsDbContext> options)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<Contractor> Contractors => Set<Contractor>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<PriceLine> PriceLines => Set<PriceLine>();

    public DbSet<OccurrenceRecord> Occurrences => Set<OccurrenceRecord>();

    public DbSet<ContractYearFacts> ContractYearFacts => Set<ContractYearFacts>();

    public DbSet<SiteYearFacts> SiteYearFacts => Set<SiteYearFacts>();

    public DbSet<OccurrenceMoveRecord> OccurrenceMoves => Set<OccurrenceMoveRecord>();

    public DbSet<SchoolCalendarRecord> SchoolCalendars => Set<SchoolCalendarRecord>();

    public DbSet<SeasonWindowRecord> SeasonWindows => Set<SeasonWindowRecord>();

    public DbSet<ContractSpecificationRecord> Specifications => Set<ContractSpecificationRecord>();

    public DbSet<PlanFactChange> PlanFactChanges => Set<PlanFactChange>();

    public DbSet<OccurrenceChangeRecord> OccurrenceChanges => Set<OccurrenceChangeRecord>();

    public DbSet<CalendarFeedSubscription> CalendarFeeds => Set<CalendarFeedSubscription>();

    public DbSet<WorkLog> WorkLogs => Set<WorkLog>();

    public DbSet<WorkLogVersion> WorkLogVersions => Set<WorkLogVersion>();

    public DbSet<WorkLogEvent> WorkLogEvents => Set<WorkLogEvent>();

    public DbSet<WorkLogPhoto> WorkLogPhotos => Set<WorkLogPhoto>();

    public DbSet<Deficiency> Deficiencies => Set<Deficiency>();

    public DbSet<DeficiencyStep> DeficiencySteps => Set<DeficiencyStep>();

    public DbSet<NoticeRecord> NoticeRecords => Set<NoticeRecord>();

    public DbSet<NoticeRecipient> NoticeRecipients => Set<NoticeRecipient>();

    public DbSet<ChemicalNoticeRecord> ChemicalNotices => Set<ChemicalNoticeRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<LicenceRecord> Licences => Set<LicenceRecord>();

    public DbSet<JobRunRecord> JobRuns => Set<JobRunRecord>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<Duration>().HaveConversion<DurationSecondsConverter>();
        configurationBuilder.Properties<AnnualDate>().HaveConversion<AnnualDateConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FieldContractsDbContext).Assembly);
        ApplySnakeCaseNames(builder);
    }

    /// <summary>
    /// Lower-case snake_case names for every table, column, key and index, so the PostgreSQL schema
    /// reads naturally in psql and the hand-written migrations name one thing one way on both providers.
    /// </summary>
    private static void ApplySnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            // An owned type shares its owner's row: its table and key columns are the owner's.
            if (entity.IsOwned())
            {
                var prefix = ToSnakeCase(entity.FindOwnership()!.PrincipalToDependent!.Name) + "_";
                foreach (var property in entity.GetProperties().Where(p => !p.IsPrimaryKey() && !HasExplicitColumnName(p)))
                {
                    property.SetColumnName(prefix + ToSnakeCase(property.Name));
                }

                continue;
            }

            if (entity.GetTableName() is { } table)
            {
                entity.SetTableName(ToSnakeCase(table));
            }

            foreach (var property in entity.GetProperties().Where(p => !HasExplicitColumnName(p)))
            {
                property.SetColumnName(ToSnakeCase(property.GetColumnName()));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    private static bool HasExplicitColumnName(IMutableProperty property) =>
        property.FindAnnotation(RelationalAnnotationNames.ColumnName) is not null;

    internal static string ToSnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                var previousIsUpper = i > 0 && char.IsUpper(name[i - 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLowerOrDigit || (previousIsUpper && nextIsLower)))
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
