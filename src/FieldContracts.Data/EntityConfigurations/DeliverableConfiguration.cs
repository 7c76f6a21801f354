using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data.Conversion;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime.Text;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> builder)
    {
        builder.ToTable("deliverables");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OccurrenceRecord>().WithMany().HasForeignKey(d => d.OccurrenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.OccurrenceId).IsUnique();
        builder.HasIndex(d => d.ContractId);
        builder.Property(d => d.Name).HasMaxLength(500).IsRequired();
        builder.Property(d => d.Recipient).HasMaxLength(500).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Ignore(d => d.WasLate);
        builder.OwnsOne(d => d.Document, document =>
        {
            document.Property(x => x.FileName).HasMaxLength(255).IsRequired();
            document.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            document.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        });
        builder.Navigation(d => d.Document).IsRequired();
        builder.Ignore(d => d.Steps);
        builder.Property<List<DeliverableStep>>("_steps").HasColumnName("steps")
            .HasConversion(new JsonListConverter<DeliverableStep, StoredStep>(StoredStep.From, StoredStep.ToStep), JsonListConverter<DeliverableStep, StoredStep>.Comparer)
            .IsRequired();
    }

    /// <summary>A step as its JSON column keeps it.</summary>
    private sealed record StoredStep(string Action, string Party, string By, string At, string? Note, string? FileName, string? ContentType,
        string? Sha256, long? Length)
    {
        public static StoredStep From(DeliverableStep s) => new(s.Action.ToString(), s.Party.ToString(), s.By, InstantPattern.ExtendedIso.Format(s.At),
            s.Note, s.Document?.FileName, s.Document?.ContentType, s.Document?.Sha256, s.Document?.Length);

        public static DeliverableStep ToStep(StoredStep s) => new(Enum.Parse<DeliverableAction>(s.Action), Enum.Parse<Party>(s.Party), s.By,
            InstantPattern.ExtendedIso.Parse(s.At).Value, s.Note,
            s.Sha256 is null ? null : new DeliverableDocument(s.FileName!, s.ContentType!, s.Sha256, s.Length ?? 0));
    }
}
