using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Inspections;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Conversion;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class DeficiencyConfiguration : IEntityTypeConfiguration<Deficiency>
{
    public void Configure(EntityTypeBuilder<Deficiency> builder)
    {
        builder.ToTable("deficiencies");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        // The register is the record behind remedies and damages: a contract with deficiencies is not deleted.
        builder.HasOne<Contract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OccurrenceRecord>().WithMany().HasForeignKey(d => d.OccurrenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkLog>().WithMany().HasForeignKey(d => d.WorkLogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Inspection>().WithMany().HasForeignKey(d => d.InspectionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.AreaIds)
            .HasConversion(new JsonListConverter<Guid, Guid>(g => g, g => g), JsonListConverter<Guid, Guid>.Comparer)
            .IsRequired();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(d => d.RaisedByParty).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.RaisedBy).HasMaxLength(256).IsRequired();
        builder.Property(d => d.Evidence).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.DedupKey).HasMaxLength(200);
        builder.Ignore(d => d.IsClosed);
        builder.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DeficiencyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        // A complaint's or an inspection line's photos, one row each (the bytes are beside the database, by hash).
        builder.HasMany(d => d.Photos).WithOne().HasForeignKey(p => p.DeficiencyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Photos).HasField("_photos").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => d.DedupKey).IsUnique();
        builder.HasIndex(d => new { d.ContractId, d.Status });
        builder.HasIndex(d => d.OccurrenceId);
        builder.HasIndex(d => d.WorkLogId);
        builder.HasIndex(d => d.InspectionId);
    }
}

internal sealed class DeficiencyStepConfiguration : IEntityTypeConfiguration<DeficiencyStep>
{
    public void Configure(EntityTypeBuilder<DeficiencyStep> builder)
    {
        builder.ToTable("deficiency_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.StatusAfter).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Party).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.By).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Text).HasMaxLength(2000).IsRequired();
        builder.HasOne<WorkLog>().WithMany().HasForeignKey(s => s.CureWorkLogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DeficiencyId);
        builder.HasIndex(s => s.CureWorkLogId);
    }
}
