using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

internal static class AddressConfiguration
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, PostalAddress> address)
        where TOwner : class
    {
        address.Property(a => a.Street).HasMaxLength(200).IsRequired();
        address.Property(a => a.City).HasMaxLength(100).IsRequired();
        address.Property(a => a.State).HasMaxLength(2).IsRequired();
        address.Property(a => a.PostalCode).HasMaxLength(10).IsRequired();
    }
}
