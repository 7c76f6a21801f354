using System.ComponentModel.DataAnnotations;
using FieldContracts.Administration.Licences;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Licences;

/// <summary>
/// The licence register of a contract's contractor (spec V), with each licence's standing today, and the form the
/// contractor or Purchasing adds one with. A refused entry shows each reason next to its field and keeps what was typed.
/// </summary>
[Authorize(Roles = Roles.Any)]
[RequestSizeLimit(LicencesApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LicencesApi.MaxRequestBytes)]
public sealed class IndexModel(LicenceRegister register, PendingUploads pending) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    public LicenceInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Scan")]
    public IFormFile? Scan { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<LicenceView> Licences { get; private set; } = [];

    public bool MayAdd => LicenceRegister.MayAdd(User);

    /// <summary>
    /// The token of the scan kept from a refused post (<see cref="PendingUploads"/>): sent back while its box stays ticked,
    /// it is the scan unless another is attached.
    /// </summary>
    [BindProperty]
    public string? KeptScan { get; set; }

    /// <summary>The scan attached to a refused post without an error of its own, kept for the next post.</summary>
    public PendingUpload? Kept { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var attached = Scan is null || Scan.Length == 0 ? null : await FileUpload.ReadAsync(Scan, DocumentStore.MaxBytes, ct);
        var kept = attached is null ? pending.FindOne(User, KeptForm, KeptScan) : null;
        var scan = attached ?? kept?.Upload;
        switch (await register.AddAsync(User, Number, Input.ToRequest(), scan, ct))
        {
            case RegisterOutcome.Done:
                Done = $"{Input.Holder?.Trim()}'s licence {Input.Number?.Trim()} is in the register.";
                return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/licences");
            case RegisterOutcome.Invalid invalid:
                // The register names fields as the API does ("issuedOn", "scan"); the form's are Input.IssuedOn and Scan.
                FormErrors.Add(ModelState, invalid.Errors.ToDictionary(e => FieldOf(e.Key), e => e.Value));
                // Nothing attached is lost: a scan without an error of its own is kept for this form, and the form names it.
                Kept = invalid.Errors.ContainsKey("scan") ? null
                    : kept?.File ?? await pending.HoldAsync(User, KeptForm, attached, ct);
                break;
            case RegisterOutcome.Forbidden forbidden:
                ModelState.AddModelError(string.Empty, forbidden.Detail);
                break;
            default:
                return NotFound();
        }

        KeptScan = Kept?.Token;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The form a scan is kept for: this contract's licence register.</summary>
    private string KeptForm => $"licences:{Number}";

    private static string FieldOf(string path) => path switch
    {
        "" or "$" => "",
        "scan" => nameof(Scan),
        _ => $"{nameof(Input)}.{char.ToUpperInvariant(path[0])}{path[1..]}",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await register.ListAsync(User, Number, ct);
        Licences = list ?? [];
        return list is not null;
    }

    public sealed class LicenceInput
    {
        [Display(Name = "Holder")]
        public string? Holder { get; set; }

        [Display(Name = "The firm holds it")]
        public bool HolderIsFirm { get; set; }

        [Display(Name = "Kind")]
        public LicenceKind? Kind { get; set; }

        [Display(Name = "Category")]
        public string? Category { get; set; }

        [Display(Name = "Number")]
        public string? Number { get; set; }

        [Display(Name = "Issuer")]
        public string? Issuer { get; set; } = "CT DEEP";

        [Display(Name = "Issued on")]
        public string? IssuedOn { get; set; }

        [Display(Name = "Expires on")]
        public string? ExpiresOn { get; set; }

        [Display(Name = "Reminder email")]
        public string? ReminderEmail { get; set; }

        public LicenceRequest ToRequest() => new(Holder, HolderIsFirm, Kind, Category, Number, Issuer, Day(IssuedOn), Day(ExpiresOn), ReminderEmail);

        private static NodaTime.LocalDate? Day(string? text) =>
            LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } d ? d.Value : null;
    }
}
