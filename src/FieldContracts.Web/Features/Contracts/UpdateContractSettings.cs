using FieldContracts.Data;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Contracts;

public abstract record UpdateSettingsResult
{
    public sealed record Updated(SettingsView Settings) : UpdateSettingsResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : UpdateSettingsResult;

    public sealed record NotFound : UpdateSettingsResult;
}

/// <summary>Purchasing changes a contract's settings (sub-contracting, notice lead time, mowing cadence).</summary>
public sealed class UpdateContractSettingsHandler(FieldContractsDbContext db)
{
    public async Task<UpdateSettingsResult> HandleAsync(string number, SettingsDocument document, CancellationToken ct)
    {
        var errors = new ContractDocumentValidator.Errors();
        ContractDocumentValidator.ValidateSettings(document, "settings", errors);
        if (errors.Any)
        {
            // Report under the member names the caller sent, without the "settings." prefix.
            return new UpdateSettingsResult.Invalid(errors.ToDictionary()
                .ToDictionary(e => e.Key.Replace("settings.", "", StringComparison.Ordinal), e => e.Value));
        }

        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return new UpdateSettingsResult.NotFound();
        }

        contract.ChangeSettings(new ContractSettings(document.Subcontracting!.Value,
            Duration.FromHours(document.ChemicalNoticeLeadHours!.Value), document.MowingCadenceDays!.Value));
        await db.SaveChangesAsync(ct);
        return new UpdateSettingsResult.Updated(new SettingsView(document.Subcontracting.Value,
            document.ChemicalNoticeLeadHours.Value, document.MowingCadenceDays.Value));
    }
}
