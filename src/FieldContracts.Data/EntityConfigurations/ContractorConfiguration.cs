using FieldContracts.Data.Conversion;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal sealed class ContractorConfiguration : IEntityTypeConfiguration<Contractor>
{
    public void Configure(EntityTypeBuilder<Contractor> builder)
    {
        builder.ToTable("contractors");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.OwnsOne(c => c.Address, AddressConfiguration.Configure);
        builder.Navigation(c => c.Address).IsRequired();
        builder.Ignore(c => c.Contacts);
        builder.Property<List<ContractorContact>>("_contacts")
            .HasColumnName("contacts")
            .HasConversion(ContactsConverter, JsonListConverter<ContractorContact, ContractorContact>.Comparer)
            .IsRequired();
    }

    private static readonly JsonListConverter<ContractorContact, ContractorContact> ContactsConverter = new(c => c, c => c);
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        IdentityConfiguration.ConfigureUsers(builder);
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.HasOne<Contractor>().WithMany().HasForeignKey(u => u.ContractorId).OnDelete(DeleteBehavior.Restrict);
    }
}
