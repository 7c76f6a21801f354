using FieldContracts.Administration.Performance;
using FieldContracts.Data.Performance;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data.Conversion;
using FieldContracts.Data.EntityConfigurations;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data.Billing;
using FieldContracts.Data.Compliance;
using FieldContracts.Administration.Inspections;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Data;

public sealed class FieldContractsDbContext(DbContextOptions<FieldContractsDbContext> options)
    : IdentityDbContext<AppUser>(options)
{
    /// <summary>The provider named by <see cref="FieldContractsDatabase.UseFieldContractsDatabase"/>; converters when none is.</summary>
    private readonly DatabaseProvider? _provider = options.FindExtension<FieldContractsOptionsExtension>()?.Provider;

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

    public DbSet<CalendarSources.CalendarSourceRecord> CalendarSources => Set<CalendarSources.CalendarSourceRecord>();

    public DbSet<CalendarSources.CalendarRefreshRecord> CalendarRefreshes => Set<CalendarSources.CalendarRefreshRecord>();

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

    public DbSet<DeficiencyPhoto> DeficiencyPhotos => Set<DeficiencyPhoto>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<NoticeRecord> NoticeRecords => Set<NoticeRecord>();

    public DbSet<NoticeRecipient> NoticeRecipients => Set<NoticeRecipient>();

    public DbSet<ChemicalNoticeRecord> ChemicalNotices => Set<ChemicalNoticeRecord>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<LicenceRecord> Licences => Set<LicenceRecord>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    public DbSet<PerformanceCase> PerformanceCases => Set<PerformanceCase>();

    public DbSet<PerformanceCaseStep> PerformanceCaseSteps => Set<PerformanceCaseStep>();

    public DbSet<ContractTermination> ContractTerminations => Set<ContractTermination>();

    public DbSet<CaseDocumentRecord> CaseDocuments => Set<CaseDocumentRecord>();

    public DbSet<PerformanceWatchRecord> PerformanceWatchSettings => Set<PerformanceWatchRecord>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceStep> InvoiceSteps => Set<InvoiceStep>();

    public DbSet<DamagesAssessment> DamagesAssessments => Set<DamagesAssessment>();

    public DbSet<BillingSettings> BillingSettings => Set<BillingSettings>();

    public DbSet<PriceLineRevisionRecord> PriceLineRevisions => Set<PriceLineRevisionRecord>();

    public DbSet<BillingAdjustmentRecord> BillingAdjustments => Set<BillingAdjustmentRecord>();

    public DbSet<InsuranceRequirementsRecord> InsuranceRequirements => Set<InsuranceRequirementsRecord>();

    public DbSet<InsuranceCertificateRecord> InsuranceCertificates => Set<InsuranceCertificateRecord>();

    public DbSet<SubcontractRequest> SubcontractRequests => Set<SubcontractRequest>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // PostgreSQL maps LocalDate, Instant and Duration natively (the Npgsql NodaTime plugin); SQLite and SQL Server
        // store them through converters. No provider knows AnnualDate: it is "MM-dd" text everywhere.
        if (_provider != DatabaseProvider.PostgreSql)
        {
            configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
            configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
            configurationBuilder.Properties<Duration>().HaveConversion<DurationSecondsConverter>();
        }

        configurationBuilder.Properties<AnnualDate>().HaveConversion<AnnualDateConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The naming convention names a foreign key after its principal's table as it is when the key is made: the
        // planned work's table (plan_occurrences, not its set's name) is set before the keys that point at it.
        builder.ApplyConfiguration(new OccurrenceRecordConfiguration());
        builder.ApplyConfigurationsFromAssembly(typeof(FieldContractsDbContext).Assembly);
        if (_provider == DatabaseProvider.SqlServer)
        {
            OneCascadePathEach(builder);
        }
    }

    /// <summary>
    /// SQL Server refuses a foreign key that opens a second cascading path from one table to another (error 1785). A
    /// contract's feeds and chemical notices are deleted with it directly; on SQL Server the second path, through its
    /// schools and its planned work, is left to EF Core (deletes of tracked rows) instead of the database.
    /// </summary>
    private static void OneCascadePathEach(ModelBuilder builder)
    {
        builder.Entity<CalendarFeedSubscription>().HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId)
            .OnDelete(DeleteBehavior.ClientCascade);
        builder.Entity<ChemicalNoticeRecord>().HasOne<OccurrenceRecord>().WithMany().HasForeignKey(n => n.OccurrenceId)
            .OnDelete(DeleteBehavior.ClientCascade);
    }
}
