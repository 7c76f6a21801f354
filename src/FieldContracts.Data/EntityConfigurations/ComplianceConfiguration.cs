using FieldContracts.Administration;
using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Conversion;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class InsuranceRequirementsConfiguration : IEntityTypeConfiguration<InsuranceRequirementsRecord>
{
    public void Configure(EntityTypeBuilder<InsuranceRequirementsRecord> builder)
    {
        builder.ToTable("insurance_requirements");
        builder.HasKey(r => r.ContractId);
        builder.HasOne<Contract>().WithOne().HasForeignKey<InsuranceRequirementsRecord>(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Coverages)
            .HasConversion(RequirementsConverter, JsonListConverter<CoverageRequirement, StoredRequirement>.Comparer)
            .IsRequired();
        builder.Property(r => r.MinimumRating).HasMaxLength(20).IsRequired();
        builder.Property(r => r.ChangedBy).HasMaxLength(256).IsRequired();
    }

    private sealed record StoredRequirement(string Kind, List<StoredLimit> Limits, bool Statutory, bool CityAdditionalInsured, int? ClaimsMadeTailYears);

    private static readonly JsonListConverter<CoverageRequirement, StoredRequirement> RequirementsConverter = new(
        r => new StoredRequirement(r.Kind.ToString(), r.Limits.Select(l => new StoredLimit(l.Name, l.Minimum.Amount)).ToList(), r.Statutory,
            r.CityAdditionalInsured, r.ClaimsMadeTailYears),
        r => new CoverageRequirement(Enum.Parse<CoverageKind>(r.Kind), r.Limits.Select(l => new RequiredLimit(l.Name, Money.Dollars(l.Amount))).ToList(),
            r.Statutory, r.CityAdditionalInsured, r.ClaimsMadeTailYears));
}

/// <summary>A limit as stored: its name and amount in dollars.</summary>
internal sealed record StoredLimit(string Name, decimal Amount);

internal sealed class InsuranceCertificateConfiguration : IEntityTypeConfiguration<InsuranceCertificateRecord>
{
    public void Configure(EntityTypeBuilder<InsuranceCertificateRecord> builder)
    {
        builder.ToTable("insurance_certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SubcontractRequest>().WithMany().HasForeignKey(c => c.SubcontractRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ContractId, c.Status });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        foreach (var name in new[] { nameof(InsuranceCertificateRecord.ProducerName), nameof(InsuranceCertificateRecord.InsuredName), nameof(InsuranceCertificateRecord.HolderName) })
        {
            builder.Property<string>(name).HasMaxLength(200).IsRequired();
        }

        foreach (var name in new[] { nameof(InsuranceCertificateRecord.ProducerAddress), nameof(InsuranceCertificateRecord.InsuredAddress), nameof(InsuranceCertificateRecord.HolderAddress) })
        {
            builder.Property<string>(name).HasMaxLength(500).IsRequired();
        }

        builder.Property(c => c.DescriptionOfOperations).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.ReviewedBy).HasMaxLength(256);
        builder.Property(c => c.RejectionReason).HasMaxLength(2000);
        builder.Property(c => c.DocumentFileName).HasMaxLength(255).IsRequired();
        builder.Property(c => c.DocumentContentType).HasMaxLength(100).IsRequired();
        builder.Property(c => c.DocumentSha256).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Insurers)
            .HasConversion(InsurersConverter, JsonListConverter<Insurer, StoredInsurer>.Comparer)
            .IsRequired();
        builder.Property(c => c.Coverages)
            .HasConversion(CoveragesConverter, JsonListConverter<CertificateCoverage, StoredCoverage>.Comparer)
            .IsRequired();
    }

    private sealed record StoredInsurer(string Letter, string Name, string NaicNumber, string? Rating);

    private sealed record StoredCoverage(string InsurerLetter, string Kind, string PolicyNumber, LocalDate Effective, LocalDate Expiration,
        List<StoredLimit> Limits, bool Statutory, bool AdditionalInsured, bool WaiverOfSubrogation, string Basis, LocalDate? ExtendedReportingEnds);

    private static readonly JsonListConverter<Insurer, StoredInsurer> InsurersConverter = new(
        i => new StoredInsurer(i.Letter, i.Name, i.NaicNumber, i.Rating?.ToString()),
        i => new Insurer(i.Letter, i.Name, i.NaicNumber, BestRating.Parse(i.Rating).Rating));

    private static readonly JsonListConverter<CertificateCoverage, StoredCoverage> CoveragesConverter = new(
        c => new StoredCoverage(c.InsurerLetter, c.Kind.ToString(), c.PolicyNumber, c.Period.Effective, c.Period.Expiration,
            c.Limits.Select(l => new StoredLimit(l.Key, l.Value.Amount)).ToList(), c.Statutory, c.AdditionalInsured, c.WaiverOfSubrogation,
            c.Basis.ToString(), c.ExtendedReportingEnds),
        c => new CertificateCoverage(c.InsurerLetter, Enum.Parse<CoverageKind>(c.Kind), c.PolicyNumber, new PolicyPeriod(c.Effective, c.Expiration),
            c.Limits.ToDictionary(l => l.Name, l => Money.Dollars(l.Amount), StringComparer.OrdinalIgnoreCase), c.Statutory, c.AdditionalInsured,
            c.WaiverOfSubrogation, Enum.Parse<CoverageBasis>(c.Basis), c.ExtendedReportingEnds));
}

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<LicenceRecord>
{
    public void Configure(EntityTypeBuilder<LicenceRecord> builder)
    {
        builder.ToTable("licences");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasOne<Contractor>().WithMany().HasForeignKey(l => l.ContractorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Holder).HasMaxLength(200).IsRequired();
        builder.Property(l => l.Number).HasMaxLength(100).IsRequired();
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(40).IsRequired();
        builder.Property(l => l.Category).HasMaxLength(100);
        builder.Property(l => l.Issuer).HasMaxLength(200).IsRequired();
        builder.Property(l => l.ReminderEmail).HasMaxLength(320).IsRequired();
        builder.Property(l => l.ScanFileName).HasMaxLength(255);
        builder.Property(l => l.ScanContentType).HasMaxLength(100);
        builder.Property(l => l.ScanSha256).HasMaxLength(64);
        builder.Property(l => l.AddedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(l => l.ContractorId);
        builder.HasIndex(l => l.ExpiresOn);
    }
}

internal sealed class SubcontractRequestConfiguration : IEntityTypeConfiguration<SubcontractRequest>
{
    public void Configure(EntityTypeBuilder<SubcontractRequest> builder)
    {
        builder.ToTable("subcontract_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(r => r.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ContractId);
        builder.OwnsOne(r => r.Subcontractor, s =>
        {
            s.Property(x => x.Name).HasColumnName("subcontractor_name").HasMaxLength(200).IsRequired();
            s.Property(x => x.Address).HasColumnName("subcontractor_address").HasMaxLength(500).IsRequired();
            s.Property(x => x.Contact).HasColumnName("subcontractor_contact").HasMaxLength(200);
        });
        builder.Navigation(r => r.Subcontractor).IsRequired();
        // A decision is taken on the row as it was read: of two at once, the second finds the status changed.
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Ignore(r => r.ItemReferences);
        builder.Property<List<string>>("_itemReferences")
            .HasColumnName("item_references")
            .HasConversion(new JsonListConverter<string, string>(i => i, i => i), JsonListConverter<string, string>.Comparer)
            .IsRequired();
    }
}
