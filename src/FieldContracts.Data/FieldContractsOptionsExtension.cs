using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Data;

/// <summary>
/// Carries the configured <see cref="DatabaseProvider"/> into the context's options, so that model building can choose
/// the mapping of each provider (the Npgsql NodaTime plugin, or value converters) from the options alone.
/// </summary>
internal sealed class FieldContractsOptionsExtension(DatabaseProvider provider) : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public DatabaseProvider Provider { get; } = provider;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(FieldContractsOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new FieldContractsOptionsExtension Extension => (FieldContractsOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"FieldContractsProvider={Extension.Provider} ";

        public override int GetServiceProviderHashCode() => Extension.Provider.GetHashCode();

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info && info.Extension.Provider == Extension.Provider;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["FieldContracts:Provider"] = Extension.Provider.ToString();
    }
}
