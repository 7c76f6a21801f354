using FieldContracts.Data.Conversion;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(300).IsRequired();
        builder.Ignore(c => c.Term);
        builder.HasOne<Contractor>().WithMany().HasForeignKey(c => c.ContractorId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsOne(c => c.Settings, settings =>
        {
            settings.Property(s => s.Subcontracting).HasConversion<string>().HasMaxLength(40);
            settings.Property(s => s.WorkCalendar).HasConversion(new WorkCalendarConverter(), WorkCalendarConverter.Comparer);
            // Contracts set up before the setting existed get the default; every write sets it (it is never 0).
            settings.Property(s => s.ResponseDays).HasDefaultValue(ContractSettings.DefaultResponseDays);
        });
        builder.Navigation(c => c.Settings).IsRequired();

        builder.HasMany(c => c.Sites).WithOne().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Sites).HasField("_sites");
        builder.HasMany(c => c.PriceLines).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.PriceLines).HasField("_priceLines");
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("sites");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(20).IsRequired();
        builder.HasIndex(s => new { s.ContractId, s.Code }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.OwnsOne(s => s.Address, AddressConfiguration.Configure);
        builder.Navigation(s => s.Address).IsRequired();
        builder.OwnsOne(s => s.Location, location =>
        {
            location.Property(l => l.Latitude).HasPrecision(9, 6);
            location.Property(l => l.Longitude).HasPrecision(9, 6);
            location.Ignore(l => l.IsValid);
        });
        builder.Navigation(s => s.Location).IsRequired();
        builder.HasMany(s => s.Areas).WithOne().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Areas).HasField("_areas");
    }
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.ToTable("areas");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Ignore(a => a.Seasons);
        builder.Property<List<SportSeason>>("_seasons")
            .HasColumnName("sport_seasons")
            .HasConversion(SeasonsConverter, JsonListConverter<SportSeason, StoredSeason>.Comparer)
            .IsRequired();
    }

    private sealed record StoredSeason(string Sport, string From, string To);

    private static readonly JsonListConverter<SportSeason, StoredSeason> SeasonsConverter = new(
        s => new StoredSeason(s.Sport, AnnualDateText.Format(s.From), AnnualDateText.Format(s.To)),
        s => new SportSeason(s.Sport, AnnualDateText.Parse(s.From), AnnualDateText.Parse(s.To)));
}

internal sealed class PriceLineConfiguration : IEntityTypeConfiguration<PriceLine>
{
    public void Configure(EntityTypeBuilder<PriceLine> builder)
    {
        builder.ToTable("price_lines");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Item).HasMaxLength(20).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(500).IsRequired();
        builder.Property(p => p.Basis).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Unit).HasMaxLength(40).IsRequired();
        builder.Property(p => p.DeductionValue).HasPrecision(18, 2);
        builder.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.EstimatedTotal);
        builder.Ignore(p => p.Covers);
        builder.Property<List<string>>("_covers")
            .HasColumnName("covers")
            .HasConversion(new JsonListConverter<string, string>(c => c, c => c), JsonListConverter<string, string>.Comparer)
            // Lines set up before billing matched work to them cover nothing until Purchasing says what they pay for.
            .HasDefaultValueSql("'[]'")
            .IsRequired();
    }
}
