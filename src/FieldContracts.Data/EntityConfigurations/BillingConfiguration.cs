using FieldContracts.Administration;
using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Billing;
using FieldContracts.Data.Conversion;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contractor>().WithMany().HasForeignKey(i => i.ContractorId).OnDelete(DeleteBehavior.Restrict);
        // One invoice a period: two submissions at once give one row, the other a key violation.
        builder.HasIndex(i => new { i.ContractId, i.PeriodNumber }).IsUnique();
        builder.HasIndex(i => new { i.Status, i.DueOn });
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        // Every step bumps it: of two steps at once, the second finds it changed and is refused.
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.ContractorNote).HasMaxLength(2000);
        builder.Property(i => i.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(i => i.CertifiedBy).HasMaxLength(256);
        builder.Property(i => i.ApprovedBy).HasMaxLength(256);
        builder.Property(i => i.ReturnReason).HasMaxLength(2000);
        builder.Property(i => i.PaymentMethod).HasMaxLength(40);
        builder.Property(i => i.PaymentReference).HasMaxLength(100);
        builder.Property(i => i.Net).HasPrecision(18, 2);
        builder.Property(i => i.CarriedOut).HasPrecision(18, 2);
        builder.Ignore(i => i.Period);
        builder.Ignore(i => i.IsLocked);
        builder.Ignore(i => i.Sources);

        builder.OwnsMany(i => i.Lines, line =>
        {
            line.ToTable("invoice_lines");
            line.WithOwner().HasForeignKey("InvoiceId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
            line.Property(l => l.Description).HasMaxLength(1000).IsRequired();
            line.Property(l => l.Amount).HasPrecision(18, 2);
            line.Property(l => l.UnitPrice).HasPrecision(18, 2);
            line.Property(l => l.ExclusionReason).HasMaxLength(2000);
            line.Ignore(l => l.SourceIds);
            line.Ignore(l => l.IsEarned);
            line.Property<List<Guid>>("_sourceIds")
                .HasColumnName("source_ids")
                .HasConversion(new JsonListConverter<Guid, Guid>(g => g, g => g), JsonListConverter<Guid, Guid>.Comparer)
                .IsRequired();
        });
        builder.Navigation(i => i.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(i => i.Steps).WithOne().HasForeignKey(s => s.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class InvoiceStepConfiguration : IEntityTypeConfiguration<InvoiceStep>
{
    public void Configure(EntityTypeBuilder<InvoiceStep> builder)
    {
        builder.ToTable("invoice_steps");
        builder.HasKey(s => new { s.InvoiceId, s.Sequence });
        builder.Property(s => s.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.By).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(2000);
    }
}

internal sealed class DamagesAssessmentConfiguration : IEntityTypeConfiguration<DamagesAssessment>
{
    public void Configure(EntityTypeBuilder<DamagesAssessment> builder)
    {
        builder.ToTable("damages_assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
        // One assessment a deficiency: a second is refused by the key even if two are made at once.
        builder.HasOne<Deficiency>().WithMany().HasForeignKey(a => a.DeficiencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.DeficiencyId).IsUnique();
        builder.HasIndex(a => a.ContractId);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(a => a.ScheduleAmount).HasPrecision(18, 2);
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.Property(a => a.ReducedTo).HasPrecision(18, 2);
        builder.Property(a => a.Evidence).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.AssessedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.DisputeReason).HasMaxLength(4000);
        builder.Property(a => a.DisputedBy).HasMaxLength(256);
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.Property(a => a.DecisionReason).HasMaxLength(4000);
        builder.Ignore(a => a.Standing);
    }
}

internal sealed class BillingSettingsConfiguration : IEntityTypeConfiguration<BillingSettings>
{
    public void Configure(EntityTypeBuilder<BillingSettings> builder)
    {
        builder.ToTable("billing_settings");
        builder.HasKey(s => s.ContractId);
        builder.HasOne<Contract>().WithOne().HasForeignKey<BillingSettings>(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Proration).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(s => s.DamagesRates);
        builder.Ignore(s => s.Damages);
        builder.Property<List<DamagesRate>>("_damagesRates")
            .HasColumnName("damages_rates")
            .HasConversion(RatesConverter, JsonListConverter<DamagesRate, StoredRate>.Comparer)
            .IsRequired();
    }

    private sealed record StoredRate(string Kind, string Basis, decimal Amount, decimal? Cap, bool Sample);

    private static readonly JsonListConverter<DamagesRate, StoredRate> RatesConverter = new(
        r => new StoredRate(r.Kind.ToString(), r.Basis.ToString(), r.Amount.Amount, r.Cap?.Amount, r.IsSample),
        r => new DamagesRate(Enum.Parse<DeficiencyKind>(r.Kind), Enum.Parse<DamagesBasis>(r.Basis), Money.Dollars(r.Amount),
            r.Cap is { } cap ? Money.Dollars(cap) : null, r.Sample));
}

internal sealed class PriceLineRevisionConfiguration : IEntityTypeConfiguration<PriceLineRevisionRecord>
{
    public void Configure(EntityTypeBuilder<PriceLineRevisionRecord> builder)
    {
        builder.ToTable("price_line_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<PriceLine>().WithMany().HasForeignKey(r => r.PriceLineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PriceLineId, r.Revision }).IsUnique();
        builder.Property(r => r.Description).HasMaxLength(500).IsRequired();
        builder.Property(r => r.Unit).HasMaxLength(40).IsRequired();
        builder.Property(r => r.UnitPrice).HasPrecision(18, 2);
        builder.Property(r => r.DeductionValue).HasPrecision(18, 2);
        builder.Property(r => r.Covers).HasMaxLength(500).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.ChangedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class BillingAdjustmentConfiguration : IEntityTypeConfiguration<BillingAdjustmentRecord>
{
    public void Configure(EntityTypeBuilder<BillingAdjustmentRecord> builder)
    {
        builder.ToTable("billing_adjustments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ContractId);
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.Property(a => a.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.AddedBy).HasMaxLength(256).IsRequired();
    }
}
