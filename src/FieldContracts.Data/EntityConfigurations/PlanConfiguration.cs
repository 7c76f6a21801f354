using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class OccurrenceRecordConfiguration : IEntityTypeConfiguration<OccurrenceRecord>
{
    public void Configure(EntityTypeBuilder<OccurrenceRecord> builder)
    {
        builder.ToTable("plan_occurrences");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(o => o.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.TaskKey).HasMaxLength(80).IsRequired();
        builder.Property(o => o.ItemReference).HasMaxLength(20).IsRequired();
        builder.Property(o => o.SeasonKey).HasMaxLength(40).IsRequired();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.EmergencyReason).HasMaxLength(1000);
        builder.Property(o => o.Deliverable).HasMaxLength(500);
        builder.Property(o => o.Detail).IsRequired();
        // Two changes to one plan at once: the second to save finds the revision moved and is refused.
        builder.Property(o => o.Revision).IsConcurrencyToken();
        builder.HasIndex(o => new { o.ContractId, o.PlannedDate });
        builder.HasIndex(o => o.SiteId);
    }
}

internal sealed class ContractYearFactsConfiguration : IEntityTypeConfiguration<ContractYearFacts>
{
    public void Configure(EntityTypeBuilder<ContractYearFacts> builder)
    {
        builder.ToTable("contract_year_facts");
        builder.HasKey(f => new { f.ContractId, f.Year });
        builder.HasOne<Contract>().WithMany().HasForeignKey(f => f.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SiteYearFactsConfiguration : IEntityTypeConfiguration<SiteYearFacts>
{
    public void Configure(EntityTypeBuilder<SiteYearFacts> builder)
    {
        builder.ToTable("site_year_facts");
        builder.HasKey(f => new { f.SiteId, f.Year });
        builder.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccurrenceMoveConfiguration : IEntityTypeConfiguration<OccurrenceMoveRecord>
{
    public void Configure(EntityTypeBuilder<OccurrenceMoveRecord> builder)
    {
        builder.ToTable("occurrence_moves");
        builder.HasKey(m => m.OccurrenceId);
        builder.Property(m => m.OccurrenceId).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.EmergencyReason).HasMaxLength(1000);
        builder.HasIndex(m => m.ContractId);
    }
}

internal sealed class SchoolCalendarConfiguration : IEntityTypeConfiguration<SchoolCalendarRecord>
{
    public void Configure(EntityTypeBuilder<SchoolCalendarRecord> builder)
    {
        builder.ToTable("school_calendars");
        builder.HasKey(c => c.SiteId);
        builder.Property(c => c.SiteId).ValueGeneratedNever();
        builder.HasOne<Site>().WithOne().HasForeignKey<SchoolCalendarRecord>(c => c.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Calendar).IsRequired();
    }
}

internal sealed class SeasonWindowConfiguration : IEntityTypeConfiguration<SeasonWindowRecord>
{
    public void Configure(EntityTypeBuilder<SeasonWindowRecord> builder)
    {
        builder.ToTable("season_windows");
        builder.HasKey(w => new { w.ContractId, w.SeasonKey });
        builder.Property(w => w.SeasonKey).HasMaxLength(40);
        builder.HasOne<Contract>().WithMany().HasForeignKey(w => w.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.Overrides).IsRequired();
    }
}

internal sealed class ContractSpecificationConfiguration : IEntityTypeConfiguration<ContractSpecificationRecord>
{
    public void Configure(EntityTypeBuilder<ContractSpecificationRecord> builder)
    {
        builder.ToTable("contract_specifications");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ContractId, s.Version }).IsUnique();
        builder.Property(s => s.Document).IsRequired();
        builder.Property(s => s.ChangedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(1000).IsRequired();
    }
}

internal sealed class PlanFactChangeConfiguration : IEntityTypeConfiguration<PlanFactChange>
{
    public void Configure(EntityTypeBuilder<PlanFactChange> builder)
    {
        builder.ToTable("plan_fact_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Cause).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Description).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.ChangedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(c => new { c.ContractId, c.ChangedAt });
    }
}

internal sealed class OccurrenceChangeConfiguration : IEntityTypeConfiguration<OccurrenceChangeRecord>
{
    public void Configure(EntityTypeBuilder<OccurrenceChangeRecord> builder)
    {
        builder.ToTable("plan_occurrence_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<PlanFactChange>().WithMany().HasForeignKey(c => c.FactChangeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.What).HasConversion<string>().HasMaxLength(200);
        builder.Property(c => c.StatusBefore).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.StatusAfter).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(c => c.OccurrenceId);
        builder.HasIndex(c => c.ContractId);
    }
}

internal sealed class CalendarSourceConfiguration : IEntityTypeConfiguration<CalendarSources.CalendarSourceRecord>
{
    public void Configure(EntityTypeBuilder<CalendarSources.CalendarSourceRecord> builder)
    {
        builder.ToTable("calendar_sources");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.FileName).HasMaxLength(260);
        builder.Property(s => s.Areas).IsRequired();
        builder.Property(s => s.ETag).HasMaxLength(500);
        builder.Property(s => s.LastModifiedHeader).HasMaxLength(100);
        builder.Property(s => s.Imported).IsRequired();
        builder.Property(s => s.AddedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(s => new { s.ContractId, s.SiteId });
    }
}

internal sealed class CalendarRefreshConfiguration : IEntityTypeConfiguration<CalendarSources.CalendarRefreshRecord>
{
    public void Configure(EntityTypeBuilder<CalendarSources.CalendarRefreshRecord> builder)
    {
        builder.ToTable("calendar_refreshes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<CalendarSources.CalendarSourceRecord>().WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => new { r.SourceId, r.At });
    }
}
