using System.Security.Claims;
using FieldContracts.Administration.Licences;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Licences;

/// <summary>A licence as the contractor or Purchasing enters it into the register.</summary>
/// <param name="Holder">The person's name, or the firm's.</param>
/// <param name="HolderIsFirm">True when the firm itself holds it (a business registration); false or left out for a person.</param>
/// <param name="Kind">PesticideSupervisory, PesticideOperator, Irrigation, Supervisor or Business.</param>
/// <param name="Category">For pesticide certifications, the CT DEEP category as written on it ("3A turf").</param>
/// <param name="Number">The licence or certification number.</param>
/// <param name="Issuer">Who issued it ("CT DEEP").</param>
/// <param name="IssuedOn">First day it is valid, yyyy-MM-dd.</param>
/// <param name="ExpiresOn">Last day it is valid (inclusive), yyyy-MM-dd.</param>
/// <param name="ReminderEmail">Where its expiry reminders go.</param>
public sealed record LicenceRequest(
    string? Holder,
    bool? HolderIsFirm,
    LicenceKind? Kind,
    string? Category,
    string? Number,
    string? Issuer,
    LocalDate? IssuedOn,
    LocalDate? ExpiresOn,
    string? ReminderEmail);

/// <summary>A licence in the register, with where it stands today.</summary>
/// <param name="State">Valid, ExpiresSoon, Expired or NotYetValid, today.</param>
/// <param name="DaysLeft">Days from today to the expiry day while valid (0 on the expiry day).</param>
/// <param name="Flag">The state in words: "expired", "expires in 12 days", "not yet valid", or empty.</param>
public sealed record LicenceView(
    Guid Id,
    string Holder,
    bool HolderIsFirm,
    LicenceKind Kind,
    string KindName,
    string? Category,
    string Number,
    string Issuer,
    LocalDate IssuedOn,
    LocalDate ExpiresOn,
    string ReminderEmail,
    LicenceState State,
    int DaysLeft,
    string Flag,
    string? ScanFileName,
    bool IsSample);

/// <summary>What became of a step on the register; the edge turns it into problem details or form errors.</summary>
public abstract record RegisterOutcome
{
    private RegisterOutcome()
    {
    }

    public sealed record Done(Guid Id) : RegisterOutcome;

    public sealed record NotFound(string Detail) : RegisterOutcome;

    /// <summary>Input the register refuses, by field (the request's JSON names).</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : RegisterOutcome;

    public sealed record Forbidden(string Detail) : RegisterOutcome;
}

/// <summary>
/// The contractor's licence register (spec V of bid #2685: "proper licenses for the application of chemicals,
/// irrigation work and a supervisor license"), reached through a contract: its contractor's register. City staff and
/// the contract's contractor read it; the contractor and Purchasing add to it.
/// </summary>
public sealed class LicenceRegister(FieldContractsDbContext db, DocumentStore documents, IClock clock)
{
    /// <summary>The register of <paramref name="number"/>'s contractor, or null when the user cannot see that contract.</summary>
    public async Task<IReadOnlyList<LicenceView>?> ListAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        if (await ContractorOfAsync(user, number, ct) is not { } contractorId)
        {
            return null;
        }

        var today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        var rows = await db.Licences.AsNoTracking().Where(l => l.ContractorId == contractorId).ToListAsync(ct);
        return rows.OrderBy(l => l.HolderIsFirm).ThenBy(l => l.Holder).ThenBy(l => l.Kind).ThenByDescending(l => l.ExpiresOn)
            .Select(l => View(l, today)).ToList();
    }

    public async Task<LicenceView?> OneAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct) =>
        (await ListAsync(user, number, ct))?.SingleOrDefault(l => l.Id == id);

    /// <summary>The scan of a licence the user can see, or null.</summary>
    public async Task<(Stream Stream, string ContentType, string FileName)?> ScanAsync(ClaimsPrincipal user, string number, Guid id,
        CancellationToken ct)
    {
        if (await ContractorOfAsync(user, number, ct) is not { } contractorId)
        {
            return null;
        }

        var row = await db.Licences.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.ContractorId == contractorId, ct);
        return row?.ScanSha256 is { } sha && documents.Open(sha) is { } stream ? (stream, row.ScanContentType!, row.ScanFileName!) : null;
    }

    /// <summary>
    /// Enters a licence into the register of <paramref name="number"/>'s contractor, with its scan when one is given.
    /// The shape is checked here; the register's own rules are <see cref="Licence.Enter"/>'s. Nothing is stored unless
    /// everything passes.
    /// </summary>
    public async Task<RegisterOutcome> AddAsync(ClaimsPrincipal user, string number, LicenceRequest request, FileUpload? scan,
        CancellationToken ct)
    {
        if (await ContractorOfAsync(user, number, ct) is not { } contractorId)
        {
            return new RegisterOutcome.NotFound($"There is no contract {number} that you can see.");
        }

        if (!MayAdd(user))
        {
            return new RegisterOutcome.Forbidden("The contractor and Purchasing keep the licence register.");
        }

        var errors = new FieldErrors();
        errors.Text("holder", request.Holder, 200);
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Say what the licence is for: PesticideSupervisory, PesticideOperator, Irrigation, Supervisor or Business.");
            kind = default;
        }

        if (request.Category is { Length: > 100 })
        {
            errors.Add("category", "At most 100 characters.");
        }

        if (request.Number is { Length: > 100 })
        {
            errors.Add("number", "At most 100 characters.");
        }

        if (request.Issuer is { Length: > 200 })
        {
            errors.Add("issuer", "At most 200 characters.");
        }

        if (request.IssuedOn is null)
        {
            errors.Add("issuedOn", "Give the day it was issued (yyyy-MM-dd).");
        }

        if (request.ExpiresOn is null)
        {
            errors.Add("expiresOn", "Give the last day it is valid (yyyy-MM-dd).");
        }

        var email = request.ReminderEmail?.Trim();
        var atSign = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (string.IsNullOrEmpty(email) || email.Length > 320 || atSign <= 0 || atSign == email.Length - 1)
        {
            errors.Add("reminderEmail", "Give the email address its expiry reminders go to.");
        }

        CheckedDocument? document = null;
        if (scan is not null)
        {
            (document, var error) = CheckScan(scan);
            if (error is not null)
            {
                errors.Add("scan", error);
            }
        }

        // The register's rules are asked even when the shape is wrong, so every refusal shows at once: a missing holder or
        // day stands in as a placeholder here and is already reported above.
        var today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        var issued = request.IssuedOn ?? request.ExpiresOn ?? today;
        var (_, refusals) = Licence.Enter(Holder(request) ?? LicenceHolder.Person("-"), kind, request.Category, request.Number, request.Issuer,
            issued, request.ExpiresOn ?? issued);
        foreach (var refusal in refusals.Where(r => request.Kind is not null || r is not LicenceEntryRefusal.CategoryRequired))
        {
            var (path, message) = Words(refusal);
            errors.Add(path, message);
        }

        if (errors.Any)
        {
            return new RegisterOutcome.Invalid(errors.ToDictionary());
        }

        var licence = Licence.Enter(Holder(request)!, kind, request.Category, request.Number, request.Issuer, request.IssuedOn!.Value, request.ExpiresOn!.Value).Licence!;
        var row = LicenceRecord.Of(contractorId, licence, email!, ScheduleApi.Who(user), clock.GetCurrentInstant());
        row.ScanFileName = document?.Document.FileName;
        row.ScanContentType = document?.Document.ContentType;
        row.ScanSha256 = document?.Document.Sha256;
        row.ScanLength = document?.Document.Length;
        if (document is not null)
        {
            await documents.SaveAsync(document, ct);
        }

        db.Licences.Add(row);
        await db.SaveChangesAsync(ct);
        return new RegisterOutcome.Done(row.Id);
    }

    /// <summary>Attaches (or replaces) the scan of a licence in the register.</summary>
    public async Task<RegisterOutcome> AttachScanAsync(ClaimsPrincipal user, string number, Guid id, FileUpload? scan, CancellationToken ct)
    {
        var contractorId = await ContractorOfAsync(user, number, ct);
        var row = contractorId is null ? null : await db.Licences.SingleOrDefaultAsync(l => l.Id == id && l.ContractorId == contractorId, ct);
        if (row is null)
        {
            return new RegisterOutcome.NotFound($"There is no licence {id} in a register you can see.");
        }

        if (!MayAdd(user))
        {
            return new RegisterOutcome.Forbidden("The contractor and Purchasing keep the licence register.");
        }

        var (document, error) = CheckScan(scan);
        if (document is null)
        {
            return new RegisterOutcome.Invalid(new Dictionary<string, string[]> { ["scan"] = [error!] });
        }

        await documents.SaveAsync(document, ct);
        row.ScanFileName = document.Document.FileName;
        row.ScanContentType = document.Document.ContentType;
        row.ScanSha256 = document.Document.Sha256;
        row.ScanLength = document.Document.Length;
        await db.SaveChangesAsync(ct);
        return new RegisterOutcome.Done(row.Id);
    }

    /// <summary>Whether the user's role adds to a register: the contractor (its own) and Purchasing.</summary>
    public static bool MayAdd(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Contractor) || user.IsInRole(Roles.Purchasing);

    /// <summary>A scan is a PDF or an image, by its bytes, at most the document store's limit.</summary>
    public static (CheckedDocument? Document, string? Error) CheckScan(FileUpload? scan)
    {
        if (scan is null || scan.Length == 0)
        {
            return (null, "Attach the scan of the licence: a PDF or a JPEG, PNG or HEIC image.");
        }

        var (document, error) = DocumentStore.Check(scan);
        if (document is null)
        {
            return (null, error);
        }

        return document.Document.ContentType == "application/pdf" || document.Document.ContentType.StartsWith("image/", StringComparison.Ordinal)
            ? (document, null)
            : (null, $"{document.Document.FileName} is not a PDF or a JPEG, PNG or HEIC image.");
    }

    public static (string Path, string Message) Words(LicenceEntryRefusal refusal) => refusal switch
    {
        LicenceEntryRefusal.NumberRequired => ("number", "Give the licence or certification number."),
        LicenceEntryRefusal.IssuerRequired => ("issuer", "Say who issued it, e.g. CT DEEP."),
        LicenceEntryRefusal.CategoryRequired c => ("category",
            $"A {KindName(c.Kind).ToLowerInvariant()} is in one category: give it as written, e.g. \"3A turf\"."),
        LicenceEntryRefusal.ExpiresBeforeIssued e => ("expiresOn",
            $"It cannot expire ({Display.Short(e.ExpiresOn)}) before it was issued ({Display.Short(e.IssuedOn)})."),
        _ => ("$", "The register refuses this licence."),
    };

    public static string KindName(LicenceKind kind) => kind switch
    {
        LicenceKind.PesticideSupervisory => "Pesticide certification, supervisory",
        LicenceKind.PesticideOperator => "Pesticide certification, operator",
        LicenceKind.Irrigation => "Irrigation licence",
        LicenceKind.Supervisor => "Supervisor licence",
        _ => "Business registration",
    };

    public static string Flag(LicenceStanding standing) => standing.State switch
    {
        LicenceState.Expired => "expired",
        LicenceState.NotYetValid => "not yet valid",
        LicenceState.ExpiresSoon => standing.DaysLeft switch
        {
            0 => "expires today",
            1 => "expires in 1 day",
            var n => $"expires in {n} days",
        },
        _ => "",
    };

    public static LicenceView View(LicenceRecord l, LocalDate today)
    {
        var standing = l.ToLicence().StandingOn(today);
        return new LicenceView(l.Id, l.Holder, l.HolderIsFirm, l.Kind, KindName(l.Kind), l.Category, l.Number, l.Issuer, l.IssuedOn, l.ExpiresOn,
            l.ReminderEmail, standing.State, standing.DaysLeft, Flag(standing), l.ScanFileName, l.IsSample);
    }

    private static LicenceHolder? Holder(LicenceRequest request) =>
        string.IsNullOrWhiteSpace(request.Holder) ? null
        : request.HolderIsFirm == true ? LicenceHolder.Firm(request.Holder) : LicenceHolder.Person(request.Holder);

    private async Task<Guid?> ContractorOfAsync(ClaimsPrincipal user, string number, CancellationToken ct) =>
        await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.ContractorId).SingleOrDefaultAsync(ct);
}
