using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>
/// The contractor submits a certificate of insurance (ACORD 25) with its PDF; Purchasing enters one received on paper.
/// One row per required line and insurers A to F; rows left without a policy number or a name are not on the certificate.
/// Errors show beside their fields and what was typed stays.
/// </summary>
[Authorize(Roles = Roles.Contractor + "," + Roles.Purchasing)]
[RequestSizeLimit(InsuranceApi.MaxRequestBytes)]
public sealed class SubmitModel(InsuranceQueries queries, InsuranceSteps steps, FieldContractsDbContext db) : PageModel
{
    public sealed class InsurerRow
    {
        public string Letter { get; set; } = "";

        public string? Name { get; set; }

        public string? NaicNumber { get; set; }

        public string? Rating { get; set; }
    }

    public sealed class LimitRow
    {
        public string Name { get; set; } = "";

        public decimal? Amount { get; set; }
    }

    public sealed class LineRow
    {
        public CoverageKind Kind { get; set; }

        public string? InsurerLetter { get; set; }

        public string? PolicyNumber { get; set; }

        public string? Effective { get; set; }

        public string? Expiration { get; set; }

        public List<LimitRow> Limits { get; set; } = [];

        public bool Statutory { get; set; }

        public bool AdditionalInsured { get; set; }

        public bool WaiverOfSubrogation { get; set; }

        public CoverageBasis Basis { get; set; }

        public string? ExtendedReportingEnds { get; set; }
    }

    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    public Guid? SubcontractRequestId { get; set; }

    [BindProperty]
    public string? IssuedOn { get; set; }

    [BindProperty]
    public string? ProducerName { get; set; }

    [BindProperty]
    public string? ProducerAddress { get; set; }

    [BindProperty]
    public string? InsuredName { get; set; }

    [BindProperty]
    public string? InsuredAddress { get; set; }

    [BindProperty]
    public string? HolderName { get; set; }

    [BindProperty]
    public string? HolderAddress { get; set; }

    [BindProperty]
    public string? DescriptionOfOperations { get; set; }

    [BindProperty]
    public int? CancellationNoticeDays { get; set; }

    [BindProperty]
    public List<InsurerRow> Insurers { get; set; } = [];

    [BindProperty]
    public List<LineRow> Lines { get; set; } = [];

    [BindProperty]
    public IFormFile? Document { get; set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string? Error { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Subcontractors { get; private set; } = [];

    public bool RequirementsSet { get; private set; }

    /// <summary>The messages at a field, by the API's path with the form's row numbers (<c>coverages[2].policyNumber</c>).</summary>
    public IReadOnlyList<string> ErrorsAt(string path) => Errors.TryGetValue(path, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(User, Number, ct) is not { } contract)
        {
            return NotFound();
        }

        await LoadChoicesAsync(contract, ct);
        Insurers = CertificateReading.Letters.Select(l => new InsurerRow { Letter = l }).ToList();
        Lines = (await KindsAsync(contract, ct)).Select(r => new LineRow
        {
            Kind = r.Kind,
            Limits = r.Limits.Select(l => new LimitRow { Name = l.Name }).ToList(),
            AdditionalInsured = false,
        }).ToList();
        HolderName = "City of Hartford";
        HolderAddress = "550 Main Street, Hartford, CT 06103";
        if (User.IsInRole(Roles.Contractor))
        {
            var contractor = await db.Contracts.AsNoTracking().Where(c => c.Id == contract.Id)
                .Join(db.Contractors.AsNoTracking(), c => c.ContractorId, k => k.Id, (_, k) => k).SingleAsync(ct);
            InsuredName = contractor.Name;
            InsuredAddress = contractor.Address.ToString();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(User, Number, ct) is not { } contract)
        {
            return NotFound();
        }

        var insurerRows = Insurers.Select((row, i) => (row, i)).Where(x => !string.IsNullOrWhiteSpace(x.row.Name) || !string.IsNullOrWhiteSpace(x.row.NaicNumber)
            || !string.IsNullOrWhiteSpace(x.row.Rating)).ToList();
        var lineRows = Lines.Select((row, i) => (row, i)).Where(x => !string.IsNullOrWhiteSpace(x.row.PolicyNumber) || !string.IsNullOrWhiteSpace(x.row.Effective)
            || !string.IsNullOrWhiteSpace(x.row.Expiration) || !string.IsNullOrWhiteSpace(x.row.InsurerLetter)).ToList();
        var unreadable = new Dictionary<string, string[]>();
        LocalDate? Date(string? text, string path)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(text.Trim());
            if (!parsed.Success)
            {
                unreadable[path] = ["Give a date as yyyy-mm-dd."];
                return null;
            }

            return parsed.Value;
        }

        var issuedOn = Date(IssuedOn, "issuedOn");
        var lineDates = lineRows.ToDictionary(x => x.i, x => (Effective: Date(x.row.Effective, $"coverages[{x.i}].effective"),
            Expiration: Date(x.row.Expiration, $"coverages[{x.i}].expiration"),
            Ends: Date(x.row.ExtendedReportingEnds, $"coverages[{x.i}].extendedReportingEnds")));
        var body = new CertificateRequest(issuedOn, new PartyRequest(ProducerName, ProducerAddress), new PartyRequest(InsuredName, InsuredAddress),
            insurerRows.Select(x => new InsurerRequest(x.row.Letter, x.row.Name, x.row.NaicNumber, x.row.Rating)).ToList(),
            lineRows.Select(x => new CoverageLineRequest(x.row.InsurerLetter, x.row.Kind, x.row.PolicyNumber, lineDates[x.i].Effective, lineDates[x.i].Expiration,
                x.row.Limits.Where(l => l.Amount is not null).ToDictionary(l => l.Name, l => l.Amount!.Value), x.row.Statutory, x.row.AdditionalInsured,
                x.row.WaiverOfSubrogation, x.row.Basis, lineDates[x.i].Ends)).ToList(),
            DescriptionOfOperations, new PartyRequest(HolderName, HolderAddress), CancellationNoticeDays, SubcontractRequestId);
        var upload = Document is null ? null : await FileUpload.ReadAsync(Document, CertificateReading.MaxBytes, ct);
        if (!ModelState.IsValid)
        {
            Error = "Some values could not be read: amounts and days are numbers.";
        }

        var outcome = Error is null && unreadable.Count == 0
            ? await steps.SubmitAsync(User, Number, body, upload, ct)
            : new SubmissionOutcome(null, new FieldErrors(), null);
        if (outcome.Id is { } id)
        {
            TempData["Done"] = "Submitted. Purchasing reviews the certificate; it counts once accepted.";
            return Redirect($"/contracts/{Number}/insurance/certificates/{id}");
        }

        if (outcome.Refused is { } refused)
        {
            return refused is StepOutcome.Forbidden ? Forbid() : NotFound();
        }

        // The API's paths number the rows sent; the form's errors go beside the rows they came from.
        Errors = outcome.Errors!.ToDictionary().ToDictionary(
            e => Renumber(Renumber(e.Key, "insurers", insurerRows.ConvertAll(x => x.i)), "coverages", lineRows.ConvertAll(x => x.i)), e => e.Value);
        foreach (var (path, messages) in unreadable)
        {
            Errors[path] = messages;
        }

        Error ??= "The certificate was not submitted: see the messages beside the fields." +
                  (Errors.ContainsKey("document") ? "" : " Attach the PDF again.");
        await LoadChoicesAsync(contract, ct);
        return Page();
    }

    private static string Renumber(string path, string list, IReadOnlyList<int> rows)
    {
        var prefix = list + "[";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var end = path.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(path.AsSpan(prefix.Length, end - prefix.Length), out var sent) && sent < rows.Count
            ? $"{list}[{rows[sent]}]{path[(end + 1)..]}"
            : path;
    }

    private async Task LoadChoicesAsync(InsuredContract contract, CancellationToken ct)
    {
        RequirementsSet = await db.InsuranceRequirements.AnyAsync(r => r.ContractId == contract.Id, ct);
        Subcontractors = (await db.SubcontractRequests.AsNoTracking()
                .Where(r => r.ContractId == contract.Id && r.Status == SubcontractRequestStatus.Approved).ToListAsync(ct))
            .Select(r => (r.Id, r.Subcontractor.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The lines to offer: the contract's required ones, or #2685's when none are set.</summary>
    private async Task<IReadOnlyList<CoverageRequirement>> KindsAsync(InsuredContract contract, CancellationToken ct)
    {
        var record = await db.InsuranceRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.ContractId == contract.Id, ct);
        return record?.Coverages ?? InsuranceRequirements.Bid2685(contract.Term).Coverages;
    }
}
