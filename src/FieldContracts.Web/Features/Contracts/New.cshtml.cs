using FieldContracts.Data.Identity;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Contracts;

/// <summary>
/// Purchasing sets up a contract after award from its contract document (the JSON <c>POST /api/contracts</c> takes,
/// such as <c>contracts/contract-2685.json</c>), uploaded as a file or pasted; the same reading and validation as the API.
/// </summary>
[Authorize(Roles = Roles.Purchasing)]
public sealed class NewModel(ImportContractHandler handler) : PageModel
{
    /// <summary>The largest contract document the page takes (#2685's with its specification is about 60 kB).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The document as typed or pasted; an uploaded file's text is put here when it is refused, so nothing is lost.</summary>
    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public IFormFile? Document { get; set; }

    /// <summary>Each problem the API's 400 would name, by the document's JSON path.</summary>
    public IReadOnlyList<(string Path, string Message)> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? text = Json;
        if (Document is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes)
            {
                ModelState.AddModelError(nameof(Document), $"The file is larger than {MaxBytes / 1024 / 1024} MB: is it the contract document?");
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
            Json = text;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(nameof(Document), "Choose the contract document (a .json file), or paste it below.");
            return Page();
        }

        var (document, path, message) = JsonBody.Parse<ContractDocument>(text);
        if (document is null)
        {
            return Refuse([(path!, message!)]);
        }

        switch (await handler.HandleAsync(document, User.Identity?.Name ?? "unknown", ct))
        {
            case ImportResult.Created created:
                return Redirect($"/contracts/{Uri.EscapeDataString(created.Number)}");
            case ImportResult.Invalid invalid:
                return Refuse(invalid.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m))).ToList());
            case ImportResult.NumberTaken taken:
                return Refuse([("number", $"Contract {taken.Number} is already set up.")]);
            default:
                throw new InvalidOperationException();
        }
    }

    private PageResult Refuse(IReadOnlyList<(string Path, string Message)> problems)
    {
        Problems = problems;
        ModelState.AddModelError(nameof(Json), problems.Count == 1
            ? "The contract document has a problem; nothing was set up."
            : $"The contract document has {problems.Count} problems; nothing was set up.");
        return Page();
    }
}
