using System.Globalization;
using FieldContracts.Administration.Insurance;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>How insurance reads on the pages and in the API's words.</summary>
public static class InsuranceWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public const string NotSet = "No insurance requirements set.";

    /// <summary>The line in words (<see cref="CoverageNames"/>).</summary>
    public static string Kind(CoverageKind kind) => CoverageNames.Of(kind);

    public static string Status(CertificateStatus status) => status switch
    {
        CertificateStatus.Submitted => "Submitted, awaiting Purchasing's review",
        CertificateStatus.Accepted => "Accepted",
        CertificateStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    public static string Basis(CoverageBasis basis) => basis == CoverageBasis.ClaimsMade ? "Claims-made" : "Occurrence";

    public static string Dollars(decimal amount) => amount.ToString("C0", English);

    /// <summary>"$1,000,000 combined single limit; City additional insured".</summary>
    public static string Summary(CoverageRequirement requirement)
    {
        var parts = new List<string>();
        parts.AddRange(requirement.Limits.Select(l => $"{Dollars(l.Minimum.Amount)} {l.Name.ToLowerInvariant()}"));
        if (requirement.Statutory)
        {
            parts.Add("statutory limits");
        }

        parts.Add(requirement.CityAdditionalInsured ? "the City an additional insured" : "no additional insured required");
        if (requirement.ClaimsMadeTailYears is { } years)
        {
            parts.Add($"occurrence basis, or claims-made reported for {years} years after completion");
        }

        return string.Join("; ", parts);
    }

    /// <summary>The kind of a finding as the API names it: "Met", "Missing", "BelowLimit", …</summary>
    public static string FindingKind(ComplianceFinding finding) => finding.GetType().Name;
}
