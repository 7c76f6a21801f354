namespace FieldContracts.Administration.Insurance;

/// <summary>Each line of insurance in words, as special instruction 14 names it, for notices, evidence and reasons.</summary>
public static class CoverageNames
{
    public static string Of(CoverageKind kind) => kind switch
    {
        CoverageKind.CommercialGeneralLiability => "Commercial general liability",
        CoverageKind.AutomobileLiability => "Automobile liability",
        CoverageKind.WorkersCompensation => "Workers' compensation",
        CoverageKind.EmployersLiability => "Employer's liability",
        CoverageKind.GarageKeepersLegalLiability => "Garage keepers legal liability",
        CoverageKind.UmbrellaLiability => "Umbrella liability",
        CoverageKind.ProfessionalLiability => "Professional liability",
        _ => kind.ToString(),
    };
}
