using FieldContracts.Data;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Contracts;

public abstract record UpdateSettingsResult
{
    public sealed record Updated(SettingsView Settings) : UpdateSettingsResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : UpdateSettingsResult;

    public sealed record NotFound : UpdateSettingsResult;

    public sealed record ChangedMeanwhile : UpdateSettingsResult;

    /// <summary>The settings asked for are the settings in force: nothing is recorded.</summary>
    public sealed record NothingToChange(string Detail) : UpdateSettingsResult;
}

/// <summary>
/// Purchasing changes a contract's settings (sub-contracting, notice lead time, mowing cadence, the contractor's response
/// time). The cadence and lead time shape the plan, so the change re-plans and is recorded like any other.
/// </summary>
public sealed class UpdateContractSettingsHandler(FieldContractsDbContext db, PlanService plans)
{
    public async Task<UpdateSettingsResult> HandleAsync(string number, SettingsDocument document, string changedBy, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ContractDocumentValidator.ValidateSettings(document, "settings", errors);
        if (errors.Any)
        {
            // Report under the member names the caller sent, without the "settings." prefix.
            return new UpdateSettingsResult.Invalid(errors.ToDictionary()
                .ToDictionary(e => e.Key.Replace("settings.", "", StringComparison.Ordinal), e => e.Value));
        }

        var contractId = await db.Contracts.Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (contractId is null)
        {
            return new UpdateSettingsResult.NotFound();
        }

        ContractSettings? settings = null;
        var (_, error) = await plans.ChangeAsync(contractId.Value, ReplanCause.Other, "Contract settings changed by Purchasing", changedBy,
            (state, _, _) =>
            {
                var old = state.Contract.Settings;
                settings = document.ToSettings(old);
                if (old.HasSameValuesAs(settings))
                {
                    return PlanService.Edit.Unchanged("These are the contract's settings already.");
                }

                state.Contract.ChangeSettings(settings);
                return PlanService.Edit.Done(
                    $"Settings: sub-contracting {Display.Subcontracting(old.Subcontracting)} → {Display.Subcontracting(settings.Subcontracting)}; " +
                    $"chemical notice {old.ChemicalNoticeLeadTime.TotalHours:0} h → {settings.ChemicalNoticeLeadTime.TotalHours:0} h; " +
                    $"mowing every {old.MowingCadenceDays} → {settings.MowingCadenceDays} days; " +
                    $"crews applying chemicals a day {old.CrewsPerDay} → {settings.CrewsPerDay}; " +
                    $"re-entry {old.ReEntryBuffer.TotalHours:0} h → {settings.ReEntryBuffer.TotalHours:0} h; " +
                    $"{old.WorkCalendar.Holidays.Count} → {settings.WorkCalendar.Holidays.Count} holidays, " +
                    $"working {string.Join("/", old.WorkCalendar.WorkingDays.Select(d => d.ToString()[..3]))} → " +
                    $"{string.Join("/", settings.WorkCalendar.WorkingDays.Select(d => d.ToString()[..3]))}; " +
                    $"response to a deficiency within {old.ResponseDays} → {settings.ResponseDays} days");
            }, ct);
        return error switch
        {
            null => new UpdateSettingsResult.Updated(SettingsView.Of(settings!)),
            PlanEditError.ChangedMeanwhile => new UpdateSettingsResult.ChangedMeanwhile(),
            PlanEditError.NothingToChange nothing => new UpdateSettingsResult.NothingToChange(nothing.Detail),
            _ => new UpdateSettingsResult.NotFound(),
        };
    }
}
