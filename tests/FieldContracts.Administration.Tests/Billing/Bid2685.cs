using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>
/// Contract #2685 for billing tests. The bid schedule's pages are not in the bid text, so every price here is a sample.
/// </summary>
internal static class Bid2685
{
    /// <summary>Special instruction 5: "commencing on or about May 15, 2003 and ending on December 31, 2004".</summary>
    public static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    /// <summary>The contractor's crew chief, who submits its invoices and disputes its damages.</summary>
    public const string Contractor = "crew.chief@greenlawn.example";

    /// <summary>The Athletic Director, who certifies the services received.</summary>
    public const string AthleticDirector = "athletic.director@hartford.example";

    /// <summary>Finance, which approves, rejects and pays invoices.</summary>
    public const string Finance = "accounts.payable@hartford.example";

    /// <summary>Purchasing, which assesses damages and decides disputes.</summary>
    public const string Purchasing = "purchasing@hartford.example";

    /// <summary>
    /// The contract with its three schools and a sample schedule; <paramref name="terminatedEffective"/> is the first day
    /// it is no longer in force, as <see cref="Contract.Terminate"/> takes it.
    /// </summary>
    public static Contract Contract(LocalDate? terminatedEffective = null)
    {
        var contract = new Contract(Guid.NewGuid(), "2685", "ATHLETIC FIELDS; MAINTENANCE OF", Guid.NewGuid(), Term,
            new LocalDate(2003, 4, 1), new ContractSettings(SubcontractingPolicy.NotPermitted, ContractSettings.DefaultChemicalNoticeLeadTime, 7));
        contract.AddSite(Guid.NewGuid(), "HPHS", "Hartford Public High School", new PostalAddress("55 Forest Street", "Hartford", "CT", "06105"),
            new GeoPoint(41.7662m, -72.6975m));
        contract.AddSite(Guid.NewGuid(), "WHS", "Weaver High School", new PostalAddress("415 Granby Street", "Hartford", "CT", "06112"),
            new GeoPoint(41.7905m, -72.688m));
        contract.AddSite(Guid.NewGuid(), "BHS", "Bulkeley High School", new PostalAddress("300 Wethersfield Avenue", "Hartford", "CT", "06114"),
            new GeoPoint(41.7497m, -72.6737m));
        contract.AddPriceLine(Guid.NewGuid(), "1", "Seasonal maintenance, three schools", PriceBasis.LumpSum, "lump sum", 1m, 10_000.00m, isSample: true);
        contract.AddPriceLine(Guid.NewGuid(), "2", "Mowing, three schools", PriceBasis.LumpSum, "lump sum", 1m, 27_000.00m, isSample: true);
        contract.AddPriceLine(Guid.NewGuid(), "3", "Infield grooming, per school", PriceBasis.UnitPrice, "visit", 120m, 85.00m, isSample: true);
        if (terminatedEffective is { } effective)
        {
            contract.Terminate(effective);
        }

        return contract;
    }

    public static PriceLine Seasonal(this Contract contract) => contract.PriceLines[0];

    public static PriceLine Mowing(this Contract contract) => contract.PriceLines[1];

    public static PriceLine Grooming(this Contract contract) => contract.PriceLines[2];

    public static Site Hphs(this Contract contract) => contract.Sites[0];

    public static Site Whs(this Contract contract) => contract.Sites[1];

    public static Site Bhs(this Contract contract) => contract.Sites[2];

    /// <summary>One mowing of one school, the sample unit value of the mowing lump sum's schedule of deductions.</summary>
    public static readonly Money MowingUnitValue = Money.Dollars(150.00m);

    /// <summary>
    /// The billing terms of <paramref name="contract"/>: its periods as it stands, or ended on
    /// <paramref name="lastDayOfService"/> when given.
    /// </summary>
    public static BillingTerms Terms(Contract contract, LocalDate? lastDayOfService = null, IReadOnlyList<PriceLine>? lines = null) =>
        new(lastDayOfService is { } last ? BillingCalendar.For(Term, last) : BillingCalendar.For(contract), lines ?? contract.PriceLines,
            LumpSumProration.ByDaysOfTerm, new Dictionary<Guid, Money> { [contract.Mowing().Id] = MowingUnitValue });

    /// <summary>Nine in the morning of <paramref name="day"/>.</summary>
    public static Instant At(LocalDate day) => day.At(new LocalTime(9, 0)).InUtc().ToInstant();

    /// <summary>
    /// Damages assessed by Purchasing on <paramref name="on"/> on a deficiency it upheld, at the rate of
    /// <paramref name="schedule"/> (the sample rates unless given), with the default dispute period of 10 days.
    /// </summary>
    public static DamagesAssessment Assess(Contract contract, DeficiencyKind kind, LocalDate on, int days = 1, int schools = 1,
        DamagesSchedule? schedule = null, decimal? amount = null)
    {
        var (assessment, refusal) = DamagesAssessment.Assess(contract.Id, Guid.NewGuid(), kind, DeficiencyStatus.Upheld, wasUpheld: true,
            (schedule ?? DamagesSchedule.Sample).RateFor(kind), days, schools, amount, "Athletic Director's inspection report with photos",
            Purchasing, At(on), on, BillingSettings.DefaultDisputeDays);
        Assert.Null(refusal);
        return assessment!;
    }

    /// <summary>Undisputed damages that come to stand on <paramref name="standsOn"/>, the day after their dispute period.</summary>
    public static DamagesAssessment StandingOn(Contract contract, DeficiencyKind kind, LocalDate standsOn, int days = 1, int schools = 1,
        DamagesSchedule? schedule = null) =>
        Assess(contract, kind, standsOn.PlusDays(-(BillingSettings.DefaultDisputeDays + 1)), days, schools, schedule);

    /// <summary>The installment of period <paramref name="number"/> (1 is May 15–31, 2003).</summary>
    public static Installment Period(this BillingStatement statement, int number) =>
        statement.Installments.Single(i => i.Period.Number == number);

    /// <summary>
    /// The invoices of <paramref name="installments"/>, in order, each submitted by the contractor on
    /// <paramref name="today"/> and certified by the Athletic Director.
    /// </summary>
    public static List<Invoice> SubmittedAndCertified(Contract contract, IEnumerable<Installment> installments, LocalDate today)
    {
        var invoices = new List<Invoice>();
        foreach (var installment in installments)
        {
            var (invoice, refusal) = Invoice.Submit(contract.Id, contract.ContractorId, installment, invoices.LastOrDefault(), null, Contractor,
                At(today), today);
            Assert.Null(refusal);
            Assert.Null(invoice!.Certify(AthleticDirector, At(today)));
            invoices.Add(invoice);
        }

        return invoices;
    }
}
