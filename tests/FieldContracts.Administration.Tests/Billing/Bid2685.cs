using FieldContracts.Administration.Billing;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>
/// Contract #2685 for billing tests. The bid schedule's pages are not in the bid text, so every price here is a sample.
/// </summary>
internal static class Bid2685
{
    /// <summary>Special instruction 5: "commencing on or about May 15, 2003 and ending on December 31, 2004".</summary>
    public static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    public static Contract Contract(LocalDate? terminatedOn = null)
    {
        var contract = new Contract(Guid.NewGuid(), "2685", "ATHLETIC FIELDS; MAINTENANCE OF", Guid.NewGuid(), Term,
            new LocalDate(2003, 4, 1), new ContractSettings(SubcontractingPolicy.NotPermitted, ContractSettings.DefaultChemicalNoticeLeadTime, 7));
        contract.AddPriceLine(Guid.NewGuid(), "1", "Seasonal maintenance, three schools", PriceBasis.LumpSum, "lump sum", 1m, 10_000.00m, isSample: true);
        contract.AddPriceLine(Guid.NewGuid(), "2", "Mowing, three schools", PriceBasis.LumpSum, "lump sum", 1m, 27_000.00m, isSample: true);
        contract.AddPriceLine(Guid.NewGuid(), "3", "Infield grooming, per school", PriceBasis.UnitPrice, "visit", 120m, 85.00m, isSample: true);
        return contract;
    }

    public static PriceLine Seasonal(this Contract contract) => contract.PriceLines[0];

    public static PriceLine Mowing(this Contract contract) => contract.PriceLines[1];

    public static PriceLine Grooming(this Contract contract) => contract.PriceLines[2];

    /// <summary>One mowing of one school, the sample unit value of the mowing lump sum's schedule of deductions.</summary>
    public static readonly Money MowingUnitValue = Money.Dollars(150.00m);

    public static BillingTerms Terms(Contract contract, DamagesSchedule? damages = null, LocalDate? terminatedOn = null,
        IReadOnlyList<PriceLine>? lines = null) =>
        new(BillingCalendar.For(Term, terminatedOn), lines ?? contract.PriceLines, LumpSumProration.ByDaysOfTerm,
            new Dictionary<Guid, Money> { [contract.Mowing().Id] = MowingUnitValue }, damages ?? DamagesSchedule.Sample);
}
