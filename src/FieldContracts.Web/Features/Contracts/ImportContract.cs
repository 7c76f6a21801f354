using FieldContracts.Data;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Contracts;

/// <summary>The outcome of setting up a contract.</summary>
public abstract record ImportResult
{
    public sealed record Created(string Number) : ImportResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : ImportResult;

    public sealed record NumberTaken(string Number) : ImportResult;
}

/// <summary>
/// Sets up a contract after award from a <see cref="ContractDocument"/>: the contractor (found by its
/// name, or added), the contract, its sites, areas and price lines, and its seasonal plan, in one
/// transaction.
/// </summary>
public sealed class ImportContractHandler(FieldContractsDbContext db, Schedule.PlanService plans, IClock clock)
{
    public async Task<ImportResult> HandleAsync(ContractDocument document, string importedBy, CancellationToken ct)
    {
        var errors = ContractDocumentValidator.Validate(document);
        if (errors.Count > 0)
        {
            return new ImportResult.Invalid(errors);
        }

        var number = document.Number!;
        if (await db.Contracts.AnyAsync(c => c.Number == number, ct))
        {
            return new ImportResult.NumberTaken(number);
        }

        var contractorName = document.Contractor!.Name!.Trim();
        var contractor = await db.Contractors.SingleOrDefaultAsync(k => k.Name == contractorName, ct);
        if (contractor is null)
        {
            contractor = new Contractor(Guid.CreateVersion7(), contractorName, ToAddress(document.Contractor.Address!));
            foreach (var contact in document.Contractor.Contacts ?? [])
            {
                contractor.AddContact(new ContractorContact(contact.Name!.Trim(), contact.Role!.Trim(), contact.Email, contact.Phone));
            }

            db.Contractors.Add(contractor);
        }

        var settings = document.Settings!;
        var contract = new Contract(
            Guid.CreateVersion7(), number, document.Title!.Trim(), contractor.Id,
            new DateInterval(document.Term!.Start!.Value, document.Term.End!.Value), document.AwardedOn!.Value,
            settings.ToSettings());

        foreach (var siteDocument in document.Sites!)
        {
            var site = contract.AddSite(Guid.CreateVersion7(), siteDocument.Code!, siteDocument.Name!.Trim(),
                ToAddress(siteDocument.Address!), new GeoPoint(siteDocument.Latitude!.Value, siteDocument.Longitude!.Value));
            foreach (var area in siteDocument.Areas!)
            {
                site.AddArea(Guid.CreateVersion7(), area.Name!.Trim(), area.Kind!.Value,
                    (area.Seasons ?? []).Select(s => new SportSeason(s.Sport!.Trim(), s.From!.Value, s.To!.Value)));
            }
        }

        foreach (var line in document.PriceLines ?? [])
        {
            var site = line.School is { } school
                ? contract.Sites.Single(s => string.Equals(s.Code, school, StringComparison.OrdinalIgnoreCase)).Id
                : (Guid?)null;
            var added = contract.AddPriceLine(Guid.CreateVersion7(), line.Item!.Trim(), line.Description!.Trim(), line.Basis!.Value,
                line.Unit!.Trim(), line.EstimatedQuantity!.Value, line.UnitPrice!.Value, line.Sample ?? false, site, line.Covers,
                line.DeductionValue);
            db.PriceLineRevisions.Add(Data.Billing.PriceLineRevisionRecord.Of(added, 1, "As awarded: contract set up", importedBy,
                clock.GetCurrentInstant()));
        }

        db.Contracts.Add(contract);
        if (document.Specification is { ValueKind: not System.Text.Json.JsonValueKind.Null } specification)
        {
            // Stored as the application writes it (format 1), whatever spacing or member order the file had.
            db.Specifications.Add(new ContractSpecificationRecord
            {
                Id = Guid.CreateVersion7(), ContractId = contract.Id, Version = 1,
                Document = SpecificationJson.Write(SpecificationJson.Read(specification)), ChangedBy = importedBy,
                ChangedAt = clock.GetCurrentInstant(), Reason = "Contract set up after award",
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await plans.EnsurePlanAsync(contract.Id, importedBy, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request set up the same number between the check above and this write.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.Contracts.AnyAsync(c => c.Number == number, ct))
            {
                return new ImportResult.NumberTaken(number);
            }

            throw;
        }

        return new ImportResult.Created(number);
    }

    private static PostalAddress ToAddress(AddressDocument a) =>
        new(a.Street!.Trim(), a.City!.Trim(), a.State!, a.PostalCode!);
}
