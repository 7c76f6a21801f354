using FieldContracts.Data.Feeds;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class FeedConfiguration : IEntityTypeConfiguration<CalendarFeedSubscription>
{
    public void Configure(EntityTypeBuilder<CalendarFeedSubscription> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.OwnerId).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contract>().WithMany().HasForeignKey(f => f.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contractor>().WithMany().HasForeignKey(f => f.ContractorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Scope).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.Property(f => f.TokenHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.OwnerId);
        builder.HasIndex(f => f.ContractId);
        builder.HasIndex(f => f.SiteId);
        builder.HasIndex(f => f.ContractorId);
    }
}
