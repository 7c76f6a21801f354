using System.Text.RegularExpressions;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using NodaTime;

namespace FieldContracts.Web.Features.Contracts;

/// <summary>
/// A contract as Purchasing sets it up after award: the shape of <c>POST /api/contracts</c> and of the
/// demo data file for bid #2685. Every member is nullable so that a missing one is reported by name.
/// </summary>
public sealed record ContractDocument(
    string? Number,
    string? Title,
    LocalDate? AwardedOn,
    TermDocument? Term,
    ContractorDocument? Contractor,
    SettingsDocument? Settings,
    IReadOnlyList<SiteDocument>? Sites,
    IReadOnlyList<PriceLineDocument>? PriceLines,
    string? Source,
    System.Text.Json.JsonElement? Specification = null);

/// <summary>The term; both days inclusive.</summary>
public sealed record TermDocument(LocalDate? Start, LocalDate? End);

public sealed record ContractorDocument(string? Name, AddressDocument? Address, IReadOnlyList<ContactDocument>? Contacts);

public sealed record ContactDocument(string? Name, string? Role, string? Email, string? Phone);

public sealed record AddressDocument(string? Street, string? City, string? State, string? PostalCode);

/// <summary>
/// The contract's settings. Crews per day, re-entry hours, working days, holidays and response days may be left out: a
/// new contract then has one crew, 24 hours, Monday to Saturday, no holidays and 5 days to respond to a deficiency, and a
/// change keeps what the contract has.
/// </summary>
public sealed record SettingsDocument(
    SubcontractingPolicy? Subcontracting,
    int? ChemicalNoticeLeadHours,
    int? MowingCadenceDays,
    int? CrewsPerDay = null,
    int? ReEntryHours = null,
    IReadOnlyList<IsoDayOfWeek>? WorkingDays = null,
    IReadOnlyList<HolidayDocument>? Holidays = null,
    int? ResponseDays = null)
{
    /// <summary>The settings the document gives; what it leaves out is taken from <paramref name="current"/>, else the defaults.</summary>
    public ContractSettings ToSettings(ContractSettings? current = null)
    {
        var calendar = current?.WorkCalendar ?? WorkCalendar.MondayToSaturday;
        if (WorkingDays is not null || Holidays is not null)
        {
            calendar = new WorkCalendar(WorkingDays ?? calendar.WorkingDays,
                Holidays is null ? calendar.Holidays : Holidays.Select(h => new Holiday(h.Date!.Value, h.Name!.Trim())));
        }

        return new ContractSettings(Subcontracting!.Value, Duration.FromHours(ChemicalNoticeLeadHours!.Value), MowingCadenceDays!.Value,
            CrewsPerDay ?? current?.CrewsPerDay ?? ContractSettings.DefaultCrewsPerDay,
            ReEntryHours is { } hours ? Duration.FromHours(hours) : current?.ReEntryBuffer ?? ContractSettings.DefaultReEntryBuffer,
            calendar,
            ResponseDays ?? current?.ResponseDays ?? ContractSettings.DefaultResponseDays);
    }
}

/// <summary>A City holiday: no work is planned on it.</summary>
public sealed record HolidayDocument(LocalDate? Date, string? Name);

public sealed record SiteDocument(
    string? Code, string? Name, AddressDocument? Address, decimal? Latitude, decimal? Longitude, IReadOnlyList<AreaDocument>? Areas);

public sealed record AreaDocument(string? Name, AreaKind? Kind, IReadOnlyList<SportSeasonDocument>? Seasons);

/// <param name="School">The code of the school the line is priced for; absent for a line covering every school.</param>
/// <param name="Covers">The specification items the line pays for, by the bid's reference (e.g. "2d", "3c").</param>
/// <param name="DeductionValue">For a lump sum, what one occurrence of its work is worth when not performed.</param>
public sealed record PriceLineDocument(
    string? Item, string? Description, PriceBasis? Basis, string? Unit, decimal? EstimatedQuantity, decimal? UnitPrice, bool? Sample,
    string? School = null, IReadOnlyList<string>? Covers = null, decimal? DeductionValue = null);

/// <summary>Checks a document completely and reports every problem at its JSON path.</summary>
public static partial class ContractDocumentValidator
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex StatePattern();

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex ZipPattern();

    public static Dictionary<string, string[]> Validate(ContractDocument document)
    {
        var errors = new FieldErrors();
        if (document.Number is null || !NumberPattern().IsMatch(document.Number))
        {
            errors.Add("number", "Give the bid number: 1 to 20 letters, digits or hyphens, e.g. 2685.");
        }

        errors.Text("title", document.Title, 300);
        if (document.AwardedOn is null)
        {
            errors.Add("awardedOn", "Give the award date.");
        }

        if (document.Term?.Start is not { } start || document.Term.End is not { } end)
        {
            errors.Add("term", "Give the term's first and last day.");
        }
        else if (end < start)
        {
            errors.Add("term.end", "The term cannot end before it starts.");
        }
        else if (document.AwardedOn is { } awarded && awarded > end)
        {
            errors.Add("awardedOn", "A contract cannot be awarded after its term has ended.");
        }

        ValidateContractor(document.Contractor, errors);
        ValidateSettings(document.Settings, "settings", errors);
        ValidateSites(document.Sites, errors);
        ValidatePriceLines(document.PriceLines, document.Sites, errors);
        if (document.Specification is { ValueKind: not System.Text.Json.JsonValueKind.Null } specification)
        {
            try
            {
                FieldContracts.Scheduling.Specification.SpecificationJson.Read(specification);
            }
            catch (FieldContracts.Scheduling.Specification.SpecificationFormatException ex)
            {
                errors.Add(ex.Path == "$" ? "specification" : $"specification.{ex.Path}", ex.Reason);
            }
        }

        return errors.ToDictionary();
    }

    public static void ValidateSettings(SettingsDocument? settings, string path, FieldErrors errors)
    {
        if (settings is null)
        {
            errors.Add(path, "Give the contract settings.");
            return;
        }

        if (settings.Subcontracting is null)
        {
            errors.Add($"{path}.subcontracting", "Say whether sub-contracting is NotPermitted or PriorApprovalRequired.");
        }

        // The limits are the domain's (ContractSettings.Check); here only that both figures were given.
        var lead = settings.ChemicalNoticeLeadHours is { } hours ? Duration.FromHours(hours) : (Duration?)null;
        if (lead is null || ContractSettings.Check(lead.Value, ContractSettings.MinimumMowingCadenceDays) is not null)
        {
            errors.Add($"{path}.chemicalNoticeLeadHours", new SettingsRefusal.LeadTimeOutOfRange(lead ?? Duration.Zero).Message);
        }

        if (settings.MowingCadenceDays is not { } days
            || ContractSettings.Check(ContractSettings.MinimumChemicalNoticeLeadTime, days) is not null)
        {
            errors.Add($"{path}.mowingCadenceDays", new SettingsRefusal.CadenceOutOfRange(settings.MowingCadenceDays ?? 0).Message);
        }

        if (settings.CrewsPerDay is { } crews && ContractSettings.Check(ContractSettings.MinimumChemicalNoticeLeadTime,
                ContractSettings.MinimumMowingCadenceDays, crews, ContractSettings.DefaultReEntryBuffer) is { } crewsRefusal)
        {
            errors.Add($"{path}.crewsPerDay", crewsRefusal.Message);
        }

        if (settings.ReEntryHours is { } reEntry && ContractSettings.Check(ContractSettings.MinimumChemicalNoticeLeadTime,
                ContractSettings.MinimumMowingCadenceDays, ContractSettings.DefaultCrewsPerDay, Duration.FromHours(reEntry)) is { } reEntryRefusal)
        {
            errors.Add($"{path}.reEntryHours", reEntryRefusal.Message);
        }

        if (settings.ResponseDays is { } responseDays && ContractSettings.CheckResponseDays(responseDays) is { } responseRefusal)
        {
            errors.Add($"{path}.responseDays", responseRefusal.Message);
        }

        if (settings.WorkingDays is { } workingDays && (workingDays.Count == 0 || workingDays.Contains(IsoDayOfWeek.None)))
        {
            errors.Add($"{path}.workingDays", "Give the days of the week work is done on, Monday to Sunday, at least one.");
        }

        var seen = new HashSet<LocalDate>();
        for (var i = 0; i < (settings.Holidays?.Count ?? 0); i++)
        {
            var holiday = settings.Holidays![i];
            if (holiday?.Date is not { } date)
            {
                errors.Add($"{path}.holidays[{i}].date", "Give the holiday's date.");
            }
            else if (!seen.Add(date))
            {
                errors.Add($"{path}.holidays[{i}].date", "Another holiday falls on this day.");
            }

            if (string.IsNullOrWhiteSpace(holiday?.Name) || holiday.Name.Trim().Length > 100)
            {
                errors.Add($"{path}.holidays[{i}].name", "Give the holiday's name, up to 100 characters.");
            }
        }
    }

    private static void ValidateContractor(ContractorDocument? contractor, FieldErrors errors)
    {
        if (contractor is null)
        {
            errors.Add("contractor", "Give the contractor.");
            return;
        }

        errors.Text("contractor.name", contractor.Name, 200);
        ValidateAddress(contractor.Address, "contractor.address", errors);
        for (var i = 0; i < (contractor.Contacts?.Count ?? 0); i++)
        {
            var contact = contractor.Contacts![i];
            errors.Text($"contractor.contacts[{i}].name", contact.Name, 200);
            errors.Text($"contractor.contacts[{i}].role", contact.Role, 100);
            if (contact.Email is { } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            {
                errors.Add($"contractor.contacts[{i}].email", "This is not an email address.");
            }
        }
    }

    private static void ValidateAddress(AddressDocument? address, string path, FieldErrors errors)
    {
        if (address is null)
        {
            errors.Add(path, "Give the address.");
            return;
        }

        errors.Text($"{path}.street", address.Street, 200);
        errors.Text($"{path}.city", address.City, 100);
        if (address.State is null || !StatePattern().IsMatch(address.State))
        {
            errors.Add($"{path}.state", "Give the two-letter state code, e.g. CT.");
        }

        if (address.PostalCode is null || !ZipPattern().IsMatch(address.PostalCode))
        {
            errors.Add($"{path}.postalCode", "Give the ZIP code, e.g. 06105.");
        }
    }

    private static void ValidateSites(IReadOnlyList<SiteDocument>? sites, FieldErrors errors)
    {
        if (sites is not { Count: > 0 })
        {
            errors.Add("sites", "A contract covers at least one site.");
            return;
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sites.Count; i++)
        {
            var site = sites[i];
            var path = $"sites[{i}]";
            if (site.Code is null || !NumberPattern().IsMatch(site.Code))
            {
                errors.Add($"{path}.code", "Give a short code: letters, digits or hyphens, e.g. HPHS.");
            }
            else if (!codes.Add(site.Code))
            {
                errors.Add($"{path}.code", $"The code {site.Code} is used by another site of this contract.");
            }

            errors.Text($"{path}.name", site.Name, 200);
            ValidateAddress(site.Address, $"{path}.address", errors);
            if (site.Latitude is not (>= -90m and <= 90m))
            {
                errors.Add($"{path}.latitude", "Latitude is -90 to 90 degrees.");
            }

            if (site.Longitude is not (>= -180m and <= 180m))
            {
                errors.Add($"{path}.longitude", "Longitude is -180 to 180 degrees.");
            }

            if (site.Areas is not { Count: > 0 })
            {
                errors.Add($"{path}.areas", "A site has at least one area.");
                continue;
            }

            for (var j = 0; j < site.Areas.Count; j++)
            {
                var area = site.Areas[j];
                errors.Text($"{path}.areas[{j}].name", area.Name, 200);
                if (area.Kind is null)
                {
                    errors.Add($"{path}.areas[{j}].kind", "Give the kind of area.");
                }

                for (var k = 0; k < (area.Seasons?.Count ?? 0); k++)
                {
                    var season = area.Seasons![k];
                    errors.Text($"{path}.areas[{j}].seasons[{k}].sport", season.Sport, 100);
                    if (season.From is null || season.To is null)
                    {
                        errors.Add($"{path}.areas[{j}].seasons[{k}]", "Give the season's first and last day (MM-dd).");
                    }
                }
            }
        }
    }

    private static void ValidatePriceLines(IReadOnlyList<PriceLineDocument>? lines, IReadOnlyList<SiteDocument>? sites, FieldErrors errors)
    {
        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            var line = lines![i];
            var path = $"priceLines[{i}]";
            errors.Text($"{path}.item", line.Item, 20);
            errors.Text($"{path}.description", line.Description, 500);
            errors.Text($"{path}.unit", line.Unit, 40);
            if (line.Basis is null)
            {
                errors.Add($"{path}.basis", "Say whether the line is a LumpSum or a UnitPrice.");
            }

            if (line.EstimatedQuantity is not > 0m || decimal.Round(line.EstimatedQuantity.Value, 4) != line.EstimatedQuantity)
            {
                errors.Add($"{path}.estimatedQuantity", "The estimated quantity is a positive number with at most 4 decimals.");
            }

            if (line.UnitPrice is not >= 0m || decimal.Round(line.UnitPrice.Value, 2) != line.UnitPrice || line.UnitPrice > 99_999_999m)
            {
                errors.Add($"{path}.unitPrice", "The unit price is dollars and cents, not negative.");
            }

            if (line.School is { } school && !(sites ?? []).Any(s => string.Equals(s.Code, school, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{path}.school", $"No site of the contract has the code {school}.");
            }

            if ((line.Covers ?? []).Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 10))
            {
                errors.Add($"{path}.covers", "Each item covered is a specification reference of 1 to 10 characters, e.g. \"3c\".");
            }

            if (line.DeductionValue is { } value && (value < 0m || decimal.Round(value, 2) != value || value > 99_999_999m))
            {
                errors.Add($"{path}.deductionValue", "The deduction value is dollars and cents, not negative.");
            }
        }
    }

    /// <summary>Collects messages by JSON path.</summary>
}
