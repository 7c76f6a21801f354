using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FieldContracts.Data.EntityConfigurations;

/// <summary>
/// ASP.NET Core Identity names its tables and indexes itself (<c>AspNetUsers</c>, <c>EmailIndex</c>), and the naming
/// convention keeps names given explicitly: these are the snake_case names the rest of the schema uses.
/// </summary>
internal sealed class IdentityConfiguration :
    IEntityTypeConfiguration<IdentityRole>,
    IEntityTypeConfiguration<IdentityRoleClaim<string>>,
    IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>,
    IEntityTypeConfiguration<IdentityUserRole<string>>,
    IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.ToTable("asp_net_roles");
        builder.HasIndex(r => r.NormalizedName).HasDatabaseName("role_name_index");
    }

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> builder) => builder.ToTable("asp_net_role_claims");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder) => builder.ToTable("asp_net_user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder) => builder.ToTable("asp_net_user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> builder) => builder.ToTable("asp_net_user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("asp_net_user_tokens");

    /// <summary>The user's table and indexes; <see cref="AppUserConfiguration"/> maps its own columns.</summary>
    public static void ConfigureUsers(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("asp_net_users");
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("email_index");
        builder.HasIndex(u => u.NormalizedUserName).HasDatabaseName("user_name_index");
    }
}
