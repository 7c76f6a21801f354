using FieldContracts.Administration.Licences;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Compliance;
using FieldContracts.Web.Features.Shared;

namespace FieldContracts.Web.Features.Licences;

/// <summary>Why the register does not license a person for an application, naming the person and the licence.</summary>
public static class LicenceWords
{
    public static string Refusal(LicenceRefusal refusal, CertifiedPerson picked, IReadOnlyList<LicenceRecord> register)
    {
        var role = refusal.Role == ApplicationRole.Applicator ? "Applicator" : "Supervisor";
        var pickedLicence = register.SingleOrDefault(l => l.Id == picked.LicenceId);
        var pickedWords = pickedLicence is null ? picked.CertificationNumber : Describe(pickedLicence.ToLicence());
        return refusal switch
        {
            LicenceRefusal.Expired e =>
                $"{role} {e.Holder}: {Describe(e.Licence)} expired on {Display.Short(e.Licence.ExpiresOn)}; the application was on " +
                $"{Display.Short(e.Day)}. Spec V requires proper licences.",
            LicenceRefusal.NotYetValid n =>
                $"{role} {n.Holder}: {Describe(n.Licence)} is valid only from {Display.Short(n.Licence.IssuedOn)}; the application was on " +
                $"{Display.Short(n.Day)}.",
            LicenceRefusal.WrongCategory w =>
                $"{role} {w.Holder}: {pickedWords} is in category {string.Join(", ", w.CategoriesHeld)}; this application needs category " +
                $"{w.CategoryNeeded}.",
            LicenceRefusal.NoLicence n => n.Role == ApplicationRole.Supervisor
                ? $"Supervisor {n.Holder}: {pickedWords} is not a supervisory pesticide certification, and the register holds none for {n.Holder}."
                : $"Applicator {n.Holder}: {pickedWords} is not a pesticide certification, and the register holds none for {n.Holder}.",
            _ => $"{role} {refusal.Holder} is not licensed for this application.",
        };
    }

    /// <summary>"supervisory certification S-1001 (3A turf)".</summary>
    public static string Describe(Licence licence) =>
        $"{Short(licence.Kind)} {licence.Number}{(licence.Category is { } c ? $" ({c})" : "")}";

    public static string Short(LicenceKind kind) => kind switch
    {
        LicenceKind.PesticideSupervisory => "supervisory certification",
        LicenceKind.PesticideOperator => "operator certification",
        LicenceKind.Irrigation => "irrigation licence",
        LicenceKind.Supervisor => "supervisor licence",
        _ => "business registration",
    };
}
