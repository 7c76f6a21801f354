using System.Globalization;
using System.Text.RegularExpressions;
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
public sealed partial class SubmitModel(InsuranceQueries queries, InsuranceSteps steps, FieldContractsDbContext db,
    PendingUploads pending) : PageModel
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

    public IReadOnlyList<(Guid Id, string Name)> Subcontractors { get; private set; } = [];

    public bool RequirementsSet { get; private set; }

    /// <summary>
    /// The token of the PDF kept from a refused post (<see cref="PendingUploads"/>): sent back while its box stays ticked,
    /// it is the certificate's PDF unless another is attached.
    /// </summary>
    [BindProperty]
    public string? KeptDocument { get; set; }

    /// <summary>The PDF attached to a refused post without an error of its own, kept for the next post.</summary>
    public PendingUpload? Kept { get; private set; }

    /// <summary>The form's labels by field name, for the error summary: the fields the form shows, row by row.</summary>
    public IReadOnlyDictionary<string, string> Labels
    {
        get
        {
            var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [nameof(SubcontractRequestId)] = "Whose certificate", [nameof(IssuedOn)] = "Certificate date",
                [nameof(ProducerName)] = "Producer's name", [nameof(ProducerAddress)] = "Producer's address",
                [nameof(InsuredName)] = "Insured's name", [nameof(InsuredAddress)] = "Insured's address",
                [nameof(Insurers)] = "Insurers affording coverage", [nameof(Lines)] = "Coverages",
                [nameof(DescriptionOfOperations)] = "Description of operations", [nameof(HolderName)] = "Holder's name",
                [nameof(HolderAddress)] = "Holder's address", [nameof(CancellationNoticeDays)] = "Days of written notice of cancellation",
                [nameof(Document)] = "PDF of the certificate",
            };
            for (var i = 0; i < Insurers.Count; i++)
            {
                var insurer = $"Insurer {Insurers[i].Letter}";
                labels[$"Insurers[{i}].Name"] = $"{insurer} name";
                labels[$"Insurers[{i}].NaicNumber"] = $"{insurer} NAIC number";
                labels[$"Insurers[{i}].Rating"] = $"{insurer} Best's rating";
            }

            for (var k = 0; k < Lines.Count; k++)
            {
                var line = InsuranceWords.Kind(Lines[k].Kind);
                labels[$"Lines[{k}].InsurerLetter"] = $"{line}: insurer letter";
                labels[$"Lines[{k}].PolicyNumber"] = $"{line}: policy number";
                labels[$"Lines[{k}].Effective"] = $"{line}: effective date";
                labels[$"Lines[{k}].Expiration"] = $"{line}: expiration date";
                labels[$"Lines[{k}].Limits"] = $"{line}: limits";
                labels[$"Lines[{k}].ExtendedReportingEnds"] = $"{line}: extended reporting ends";
            }

            return labels;
        }
    }

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
        // What the form could not read (a day, an amount) is said in the form's words, and nothing is submitted.
        var unreadable = new Dictionary<string, string[]>();
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            entry!.Errors.Clear();
            var (field, message) = Unreadable(key);
            unreadable[field] = [.. (unreadable.GetValueOrDefault(field) ?? []).Append(message).Distinct()];
        }

        LocalDate? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(text.Trim());
            if (!parsed.Success)
            {
                unreadable[field] = ["Give a date as yyyy-mm-dd."];
                return null;
            }

            return parsed.Value;
        }

        var issuedOn = Date(IssuedOn, nameof(IssuedOn));
        var lineDates = lineRows.ToDictionary(x => x.i, x => (Effective: Date(x.row.Effective, $"Lines[{x.i}].Effective"),
            Expiration: Date(x.row.Expiration, $"Lines[{x.i}].Expiration"),
            Ends: Date(x.row.ExtendedReportingEnds, $"Lines[{x.i}].ExtendedReportingEnds")));
        var body = new CertificateRequest(issuedOn, new PartyRequest(ProducerName, ProducerAddress), new PartyRequest(InsuredName, InsuredAddress),
            insurerRows.Select(x => new InsurerRequest(x.row.Letter, x.row.Name, x.row.NaicNumber, x.row.Rating)).ToList(),
            lineRows.Select(x => new CoverageLineRequest(x.row.InsurerLetter, x.row.Kind, x.row.PolicyNumber, lineDates[x.i].Effective, lineDates[x.i].Expiration,
                x.row.Limits.Where(l => l.Amount is not null).ToDictionary(l => l.Name, l => l.Amount!.Value), x.row.Statutory, x.row.AdditionalInsured,
                x.row.WaiverOfSubrogation, x.row.Basis, lineDates[x.i].Ends)).ToList(),
            DescriptionOfOperations, new PartyRequest(HolderName, HolderAddress), CancellationNoticeDays, SubcontractRequestId);
        var attached = Document is null ? null : await FileUpload.ReadAsync(Document, CertificateReading.MaxBytes, ct);
        var kept = attached is { Length: > 0 } ? null : pending.FindOne(User, KeptForm, KeptDocument);
        var upload = kept?.Upload ?? attached;
        var outcome = unreadable.Count == 0
            ? await steps.SubmitAsync(User, Number, body, upload, ct)
            : new SubmissionOutcome(null, new FieldErrors(), null);
        if (outcome.Id is { } id)
        {
            TempData["Done"] = "Submitted. Purchasing reviews the certificate; it counts once accepted.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/insurance/certificates/{id}");
        }

        if (outcome.Refused is { } refused)
        {
            return refused is StepOutcome.Forbidden ? Forbid() : NotFound();
        }

        // The API's paths number the rows sent; the form's errors go beside the rows they came from, by the form's names.
        var insurerNumbers = insurerRows.ConvertAll(x => x.i);
        var lineNumbers = lineRows.ConvertAll(x => x.i);
        var errors = new Dictionary<string, string[]>(unreadable);
        foreach (var (path, messages) in outcome.Errors!.ToDictionary())
        {
            var field = FieldOf(path, insurerNumbers, lineNumbers);
            errors[field] = [.. errors.GetValueOrDefault(field) ?? [], .. messages];
        }

        FormErrors.Add(ModelState, errors);
        // Nothing attached is lost: a PDF without an error of its own is kept for this form, and the form names it.
        Kept = errors.ContainsKey(nameof(Document)) ? null : kept?.File ?? await pending.HoldAsync(User, KeptForm, attached, ct);
        KeptDocument = Kept?.Token;
        await LoadChoicesAsync(contract, ct);
        return Page();
    }

    /// <summary>The form a PDF is kept for: this contract's certificate form.</summary>
    private string KeptForm => $"insurance/submit:{Number}";

    /// <summary>A value the form could not read, by its field: where its error shows, and what it says.</summary>
    private (string Field, string Message) Unreadable(string key)
    {
        if (LimitAmount().Match(key) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var k
            && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is var j && k < Lines.Count && j < Lines[k].Limits.Count)
        {
            return ($"Lines[{k}].Limits", $"The {Lines[k].Limits[j].Name.ToLowerInvariant()} must be an amount in dollars and cents.");
        }

        return key == nameof(CancellationNoticeDays)
            ? (key, "Give the days of written notice of cancellation as a whole number, 0 to 365.")
            : ("", "Some values could not be read: amounts and days are numbers.");
    }

    /// <summary>
    /// The form's field of a path in the API's words, its rows renumbered to the form's (<c>coverages[0].policyNumber</c> of the
    /// first line sent, which is the form's third, is <c>Lines[2].PolicyNumber</c>). A path with no field of its own is the form's.
    /// </summary>
    private static string FieldOf(string path, IReadOnlyList<int> insurerRows, IReadOnlyList<int> lineRows)
    {
        static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

        if (Row().Match(path) is { Success: true } row)
        {
            var (list, sent, rest) = (row.Groups[1].Value, int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture), row.Groups[3].Value);
            var rows = list == "insurers" ? insurerRows : lineRows;
            if (sent >= rows.Count)
            {
                return "";
            }

            var field = rest.TrimStart('.').Split('.', '[')[0];
            return (list, field) switch
            {
                // The letter is the row's own, not typed: its errors show by the insurer's name.
                ("insurers", "letter" or "name") => $"Insurers[{rows[sent]}].Name",
                ("insurers", "naicNumber" or "rating") => $"Insurers[{rows[sent]}].{Pascal(field)}",
                ("coverages", "insurerLetter" or "policyNumber" or "effective" or "expiration" or "limits" or "extendedReportingEnds") =>
                    $"Lines[{rows[sent]}].{Pascal(field)}",
                _ => "",
            };
        }

        return path switch
        {
            "insurers" => nameof(Insurers),
            "coverages" => nameof(Lines),
            "producer.name" => nameof(ProducerName),
            "producer.address" => nameof(ProducerAddress),
            "insured.name" => nameof(InsuredName),
            "insured.address" => nameof(InsuredAddress),
            "holder.name" => nameof(HolderName),
            "holder.address" => nameof(HolderAddress),
            "subcontractRequestId" or "issuedOn" or "descriptionOfOperations" or "cancellationNoticeDays" or "document" => Pascal(path),
            _ => "",
        };
    }

    [GeneratedRegex(@"^(insurers|coverages)\[(\d+)\](.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^Lines\[(\d+)\]\.Limits\[(\d+)\]\.Amount$", RegexOptions.IgnoreCase)]
    private static partial Regex LimitAmount();

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
