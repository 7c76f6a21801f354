using NodaTime;

namespace FieldContracts.Administration.Insurance;

/// <summary>A line of insurance a contract can require and a certificate can show.</summary>
public enum CoverageKind
{
    CommercialGeneralLiability,
    AutomobileLiability,
    WorkersCompensation,
    EmployersLiability,
    GarageKeepersLegalLiability,
    UmbrellaLiability,
    ProfessionalLiability,
}

/// <summary>
/// The names under which limits are required and shown. A certificate's limits are matched to a requirement's by these
/// names, letter case aside; the data layer maps the ACORD 25 boxes onto them.
/// </summary>
public static class LimitNames
{
    /// <summary>Bodily injury and property damage together, per occurrence or accident.</summary>
    public const string CombinedSingleLimit = "Combined single limit";

    /// <summary>Employer's liability: bodily injury, each accident (ACORD "E.L. EACH ACCIDENT").</summary>
    public const string EachAccident = "Each accident";

    /// <summary>Employer's liability: bodily injury by disease, each employee (ACORD "E.L. DISEASE - EA EMPLOYEE").</summary>
    public const string DiseaseEachEmployee = "Disease – each employee";

    /// <summary>Employer's liability: bodily injury by disease, policy limit (the bid's "Aggregate").</summary>
    public const string DiseasePolicyLimit = "Disease – policy limit";

    /// <summary>A single limit for the line, e.g. garage keepers' legal liability.</summary>
    public const string SingleLimit = "Single limit";
}

/// <summary>A limit a requirement names and the least amount that satisfies it.</summary>
public sealed record RequiredLimit(string Name, Money Minimum);

/// <summary>
/// One line of insurance the contract requires.
/// </summary>
/// <param name="Limits">Each limit that must be shown at least at its minimum; all of them are checked.</param>
/// <param name="Statutory">Limits set by statute rather than an amount (workers' compensation): the certificate must
/// show its "per statute" box.</param>
/// <param name="CityAdditionalInsured">Whether the City must be named an additional insured on this line.</param>
/// <param name="ClaimsMadeTailYears">Null when the contract accepts either basis without more. Otherwise an occurrence
/// policy passes, and a claims-made one only with extended reporting lasting this many years after the term ends.</param>
public sealed record CoverageRequirement(
    CoverageKind Kind,
    IReadOnlyList<RequiredLimit> Limits,
    bool Statutory,
    bool CityAdditionalInsured,
    int? ClaimsMadeTailYears = null);

/// <summary>
/// What a contract asks of its contractor's insurance: the lines with their limits, the insurers' least Best's rating,
/// the days of notice of cancellation the City must be promised, and when the first certificate is due.
/// </summary>
/// <param name="Term">The contract's term, first and last day inclusive, over which the insurance must be kept; its end is
/// the "completion" a claims-made tail runs from.</param>
/// <param name="CertificateDueDays">Calendar days after receipt of the notice of selection within which certificates are due.</param>
public sealed record InsuranceRequirements(
    DateInterval Term,
    IReadOnlyList<CoverageRequirement> Coverages,
    BestRating MinimumRating,
    int NoticeOfCancellationDays,
    int CertificateDueDays)
{
    /// <summary>
    /// The day the certificates are due: within <see cref="CertificateDueDays"/> of receipt of the notice of selection
    /// "and prior to the commencement date", whichever comes first.
    /// </summary>
    public LocalDate CertificateDueOn(LocalDate noticeOfSelectionReceived)
    {
        var within = noticeOfSelectionReceived.PlusDays(CertificateDueDays);
        var beforeCommencement = Term.Start.PlusDays(-1);
        return within < beforeCommencement ? within : beforeCommencement;
    }

    /// <summary>The requirement for <paramref name="kind"/>, or null when the contract does not ask for that line.</summary>
    public CoverageRequirement? For(CoverageKind kind) => Coverages.FirstOrDefault(c => c.Kind == kind);

    /// <summary>
    /// Bid #2685, special instruction 14, "Insurance":
    /// <para>"The Contractor shall obtain and maintain, at its own cost and expense, throughout the term of this contract
    /// including any and all extensions or renewals thereof, issued by an insurance company licensed to conduct business
    /// in the State of Connecticut and having a Best's Key Rating of A-VIII or better, at least, the following insurance
    /// coverage.</para>
    /// <para>"1. Commercial General Liability, including Contractual Liability Insurance: $1,000,000 Combined Single Limit
    /// Bodily Injury and Property Damage. 2. Automobile Liability Insurance: $1,000,000 Combined Single Limit Bodily Injury
    /// and Property Damage. 3. Workers' Compensation: Statutory Limits in accordance with Connecticut General Statutes.
    /// 4. Employer's Liability: $100,000 Bodily Injury for Each Accident $100,000 Bodily Injury by Disease for Each
    /// Employee $500,000 Bodily Injury by Disease Aggregate. 5. Garage Keepers Legal Liability: Issued on an occurrence
    /// basis with a $2,000,000 Single Limit for the term of the contract and if on a claims made basis for two years
    /// following its completion. 6. The City of Hartford is included as an Additional Insured, ATIMA. (This requirement
    /// does not apply to Workers' Compensation)"</para>
    /// <para>"8. The Contractor shall provide the City, within five (5) days of receipt of Notice of Selection and prior to
    /// the commencement date of this agreement and thereafter upon renewal of any required insurance hereunder,
    /// certificate(s) of insurance evidencing coverage as required by this contract and that the coverages will not be
    /// canceled, non-renewed, or materially changed by endorsement or through issuance of other policy(ies) without thirty
    /// (30) days advance written notice to the City."</para>
    /// The bid says nothing of the basis of the other lines, so either basis is accepted for them.
    /// </summary>
    public static InsuranceRequirements Bid2685(DateInterval term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var million = Money.Dollars(1_000_000m);
        return new InsuranceRequirements(
            term,
            [
                new CoverageRequirement(CoverageKind.CommercialGeneralLiability, [new RequiredLimit(LimitNames.CombinedSingleLimit, million)], false, true),
                new CoverageRequirement(CoverageKind.AutomobileLiability, [new RequiredLimit(LimitNames.CombinedSingleLimit, million)], false, true),
                new CoverageRequirement(CoverageKind.WorkersCompensation, [], Statutory: true, CityAdditionalInsured: false),
                new CoverageRequirement(CoverageKind.EmployersLiability,
                [
                    new RequiredLimit(LimitNames.EachAccident, Money.Dollars(100_000m)),
                    new RequiredLimit(LimitNames.DiseaseEachEmployee, Money.Dollars(100_000m)),
                    new RequiredLimit(LimitNames.DiseasePolicyLimit, Money.Dollars(500_000m)),
                ], false, true),
                new CoverageRequirement(CoverageKind.GarageKeepersLegalLiability, [new RequiredLimit(LimitNames.SingleLimit, Money.Dollars(2_000_000m))], false, true,
                    ClaimsMadeTailYears: 2),
            ],
            new BestRating(BestGrade.AMinus, 8),
            NoticeOfCancellationDays: 30,
            CertificateDueDays: 5);
    }
}
