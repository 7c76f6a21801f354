using FieldContracts.Administration.Licences;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deliverables;
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
public sealed class IndexModel(LicenceRegister register) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    public LicenceInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Scan { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<LicenceView> Licences { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public bool MayAdd => LicenceRegister.MayAdd(User);

    /// <summary>The first error at a field, by the request's JSON name.</summary>
    public string? ErrorAt(string field) => Errors.TryGetValue(field, out var messages) ? messages[0] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scan = Scan is null || Scan.Length == 0 ? null : await FileUpload.ReadAsync(Scan, DocumentStore.MaxBytes, ct);
        switch (await register.AddAsync(User, Number, Input.ToRequest(), scan, ct))
        {
            case RegisterOutcome.Done:
                Done = $"{Input.Holder?.Trim()}'s licence {Input.Number?.Trim()} is in the register.";
                return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/licences");
            case RegisterOutcome.Invalid invalid:
                Errors = invalid.Errors;
                break;
            case RegisterOutcome.Forbidden forbidden:
                Errors = new Dictionary<string, string[]> { ["$"] = [forbidden.Detail] };
                break;
            default:
                return NotFound();
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await register.ListAsync(User, Number, ct);
        Licences = list ?? [];
        return list is not null;
    }

    public sealed class LicenceInput
    {
        public string? Holder { get; set; }

        public bool HolderIsFirm { get; set; }

        public LicenceKind? Kind { get; set; }

        public string? Category { get; set; }

        public string? Number { get; set; }

        public string? Issuer { get; set; } = "CT DEEP";

        public string? IssuedOn { get; set; }

        public string? ExpiresOn { get; set; }

        public string? ReminderEmail { get; set; }

        public LicenceRequest ToRequest() => new(Holder, HolderIsFirm, Kind, Category, Number, Issuer, Day(IssuedOn), Day(ExpiresOn), ReminderEmail);

        private static NodaTime.LocalDate? Day(string? text) =>
            LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } d ? d.Value : null;
    }
}
