using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Web.Features.Contracts;

public sealed record ContractSummary(
    Guid Id,
    string Number, string Title, string Contractor, LocalDate TermStart, LocalDate TermEnd, ContractStatus Status);

public sealed record ContractOverview(
    Guid Id,
    string Number,
    string Title,
    LocalDate AwardedOn,
    LocalDate TermStart,
    LocalDate TermEnd,
    int TermDays,
    ContractStatus Status,
    ContractorView Contractor,
    SettingsView Settings,
    IReadOnlyList<SiteView> Sites,
    IReadOnlyList<PriceLineView> PriceLines,
    bool HasSpecification = true)
{
    public decimal EstimatedTotal => PriceLines.Sum(p => p.EstimatedTotal);

    public bool HasSamplePrices => PriceLines.Any(p => p.IsSample);
}

public sealed record ContractorView(string Name, AddressView Address, IReadOnlyList<ContactView> Contacts);

public sealed record ContactView(string Name, string Role, string? Email, string? Phone);

public sealed record AddressView(string Street, string City, string State, string PostalCode)
{
    public static AddressView From(PostalAddress a) => new(a.Street, a.City, a.State, a.PostalCode);

    public override string ToString() => $"{Street}, {City}, {State} {PostalCode}";
}

public sealed record SettingsView(
    SubcontractingPolicy Subcontracting,
    int ChemicalNoticeLeadHours,
    int MowingCadenceDays,
    int CrewsPerDay,
    int ReEntryHours,
    IReadOnlyList<IsoDayOfWeek> WorkingDays,
    IReadOnlyList<HolidayView> Holidays,
    int ResponseDays)
{
    public static SettingsView Of(ContractSettings settings) => new(settings.Subcontracting, (int)settings.ChemicalNoticeLeadTime.TotalHours,
        settings.MowingCadenceDays, settings.CrewsPerDay, (int)settings.ReEntryBuffer.TotalHours, settings.WorkCalendar.WorkingDays,
        settings.WorkCalendar.Holidays.Select(h => new HolidayView(h.Date, h.Name)).ToList(), settings.ResponseDays);
}

public sealed record HolidayView(LocalDate Date, string Name);

public sealed record SiteView(Guid Id, string Code, string Name, AddressView Address, decimal Latitude, decimal Longitude, IReadOnlyList<AreaView> Areas);

public sealed record AreaView(Guid Id, string Name, AreaKind Kind, IReadOnlyList<SportSeasonView> Seasons);

public sealed record SportSeasonView(string Sport, AnnualDate From, AnnualDate To);

public sealed record PriceLineView(
    Guid Id, string Item, string Description, PriceBasis Basis, string Unit, decimal EstimatedQuantity, decimal UnitPrice,
    decimal EstimatedTotal, bool IsSample);
