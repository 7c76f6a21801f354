using FieldContracts.Administration.Licences;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Demo;

/// <summary>
/// A sample licence register for #2685's contractor, labelled as samples: the people and numbers are invented. A
/// supervisor with a supervisory 3A (turf) certification for the whole term, an applicator whose operator 3A
/// certification expires during it (March 31, 2004, so the register flags it and the work log refuses him after it),
/// an irrigation licence, and the firm's business registration.
/// </summary>
public static class SampleLicences
{
    public static async Task AddAsync(FieldContractsDbContext db, Guid contractorId, string reminderEmail, CancellationToken ct)
    {
        var at = new LocalDate(2003, 5, 1).At(new LocalTime(9, 0)).InZoneStrictly(Hartford.Zone).ToInstant();
        // The demo's contractor is itself a sample and says so in its name.
        var name = await db.Contractors.Where(c => c.Id == contractorId).Select(c => c.Name).SingleAsync(ct);
        var firm = name.Contains("(sample)", StringComparison.OrdinalIgnoreCase) ? name : name + " (sample)";
        (LicenceHolder Holder, LicenceKind Kind, string? Category, string Number, string Issuer, LocalDate Issued, LocalDate Expires)[] samples =
        [
            (LicenceHolder.Person("Pat Rivera (sample)"), LicenceKind.PesticideSupervisory, "3A turf", "S-SAMPLE-3A-1001", "CT DEEP",
                new LocalDate(2002, 1, 1), new LocalDate(2006, 12, 31)),
            (LicenceHolder.Person("Lee Novak (sample)"), LicenceKind.PesticideOperator, "3A turf", "O-SAMPLE-3A-2002", "CT DEEP",
                new LocalDate(2001, 4, 1), new LocalDate(2004, 3, 31)),
            (LicenceHolder.Person("Pat Rivera (sample)"), LicenceKind.Irrigation, null, "IRR-SAMPLE-3003", "CT Department of Consumer Protection",
                new LocalDate(2002, 7, 1), new LocalDate(2005, 6, 30)),
            (LicenceHolder.Firm(firm), LicenceKind.Business, null, "B-SAMPLE-4004", "CT DEEP",
                new LocalDate(2003, 1, 1), new LocalDate(2004, 12, 31)),
        ];
        foreach (var s in samples)
        {
            var licence = Licence.Enter(s.Holder, s.Kind, s.Category, s.Number, s.Issuer, s.Issued, s.Expires).Licence
                          ?? throw new InvalidOperationException($"The sample licence {s.Number} is refused by the register.");
            var row = LicenceRecord.Of(contractorId, licence, reminderEmail, "demo data", at);
            row.IsSample = true;
            db.Licences.Add(row);
        }
    }
}
