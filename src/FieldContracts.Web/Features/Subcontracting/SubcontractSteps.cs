using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Subcontracting;

/// <summary>What the contractor asks: the sub-contractor (spec VI's list) and the items of work it would do.</summary>
public sealed record SubcontractRequestInput(string? Name, string? Address, string? Contact, IReadOnlyList<string>? Items);

/// <summary>What became of a step on sub-contracting; the API and the page each turn it into their answer.</summary>
public abstract record SubcontractOutcome
{
    private SubcontractOutcome()
    {
    }

    public sealed record Done(Guid Id) : SubcontractOutcome;

    public sealed record NotFound(string Detail) : SubcontractOutcome;

    /// <summary>Input refused, by the field it concerns ("name", "address", "contact", "items", "reason", "note").</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SubcontractOutcome;

    /// <summary>Refused by the contract or the request's state (409), or not this person's step (403).</summary>
    public sealed record Refused(int Status, string Title, string Detail) : SubcontractOutcome;

    /// <summary>All of the reasons in words, for a page.</summary>
    public string? Words => this switch
    {
        Done => null,
        NotFound n => n.Detail,
        Invalid i => string.Join(" ", i.Errors.Values.SelectMany(e => e)),
        Refused r => r.Detail,
        _ => null,
    };
}

/// <summary>
/// Sub-contracting steps for the signed-in user: the contractor asks for prior approval of a named sub-contractor and its
/// work and may withdraw a pending request; Purchasing approves (with an optional note) or refuses (with its reason). The
/// aggregate decides; a refused step writes nothing; of two decisions at once the second finds the status changed (it is
/// the row's concurrency token) and is a conflict.
/// </summary>
public sealed class SubcontractSteps(FieldContractsDbContext db, IClock clock)
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;
    public const int MaxContactLength = 200;
    public const int MaxItems = 30;
    public const int MaxItemLength = 100;
    public const int MaxReasonLength = 2000;

    public async Task<SubcontractOutcome> RequestAsync(ClaimsPrincipal user, string number, SubcontractRequestInput input, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).Where(c => c.Number == number)
            .Select(c => new { c.Id, c.Settings.Subcontracting }).SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return NoContract(number);
        }

        var items = input.Items ?? [];
        var (request, refusals) = SubcontractRequest.Request(contract.Id, contract.Subcontracting,
            new Subcontractor(input.Name ?? "", input.Address ?? "", input.Contact), items, AsContractor(user), Today(), Who(user));
        if (refusals.FirstOrDefault(r => r is SubcontractRefusal.NotPermitted or SubcontractRefusal.NotYourStep) is { } refusal)
        {
            return Refusal(refusal, number, contractorStep: true);
        }

        var errors = new FieldErrors();
        foreach (var r in refusals)
        {
            switch (r)
            {
                case SubcontractRefusal.NameRequired: errors.Add("name", SubcontractingWords.NameRequired); break;
                case SubcontractRefusal.AddressRequired: errors.Add("address", SubcontractingWords.AddressRequired); break;
                case SubcontractRefusal.WorkRequired: errors.Add("items", SubcontractingWords.WorkRequired); break;
            }
        }

        Longest(errors, "name", input.Name, MaxNameLength);
        Longest(errors, "address", input.Address, MaxAddressLength);
        Longest(errors, "contact", input.Contact, MaxContactLength);
        if (items.Count > MaxItems)
        {
            errors.Add("items", $"At most {MaxItems} items in one request.");
        }
        else if (items.Any(i => i is { Length: > MaxItemLength }))
        {
            errors.Add("items", $"Each item at most {MaxItemLength} characters.");
        }

        if (errors.Any || request is null)
        {
            return new SubcontractOutcome.Invalid(errors.ToDictionary());
        }

        db.SubcontractRequests.Add(request);
        return await SaveAsync(request.Id, ct);
    }

    public Task<SubcontractOutcome> ApproveAsync(ClaimsPrincipal user, string number, Guid id, string? note, CancellationToken ct) =>
        note is { Length: > MaxReasonLength }
            ? Task.FromResult(Invalid("note", $"At most {MaxReasonLength} characters."))
            : StepAsync(user, number, id, ct, (request, policy) => request.Approve(policy, AsPurchasing(user), Who(user), Today(), note));

    public Task<SubcontractOutcome> RefuseAsync(ClaimsPrincipal user, string number, Guid id, string? reason, CancellationToken ct) =>
        reason is { Length: > MaxReasonLength }
            ? Task.FromResult(Invalid("reason", $"At most {MaxReasonLength} characters."))
            : StepAsync(user, number, id, ct, (request, policy) => request.Refuse(policy, AsPurchasing(user), Who(user), Today(), reason));

    public Task<SubcontractOutcome> WithdrawAsync(ClaimsPrincipal user, string number, Guid id, string? reason, CancellationToken ct) =>
        reason is { Length: > MaxReasonLength }
            ? Task.FromResult(Invalid("reason", $"At most {MaxReasonLength} characters."))
            : StepAsync(user, number, id, ct, (request, _) => request.Withdraw(AsContractor(user), Who(user), Today(), reason), contractorStep: true);

    /// <summary>Who acts, as recorded: the signed-in user's e-mail address.</summary>
    public static string Who(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";

    private async Task<SubcontractOutcome> StepAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct,
        Func<SubcontractRequest, Scheduling.Contracts.SubcontractingPolicy, SubcontractRefusal?> step, bool contractorStep = false)
    {
        var contract = await db.Contracts.VisibleTo(user).Where(c => c.Number == number)
            .Select(c => new { c.Id, c.Settings.Subcontracting }).SingleOrDefaultAsync(ct);
        var request = contract is null ? null : await db.SubcontractRequests.SingleOrDefaultAsync(r => r.Id == id && r.ContractId == contract.Id, ct);
        if (contract is null || request is null)
        {
            return new SubcontractOutcome.NotFound($"There is no sub-contracting request {id} on contract {number} that you can see.");
        }

        return step(request, contract.Subcontracting) is { } refusal
            ? Refusal(refusal, number, contractorStep)
            : await SaveAsync(request.Id, ct);
    }

    private async Task<SubcontractOutcome> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new SubcontractOutcome.Done(id);
        }
        catch (DbUpdateException)
        {
            // Another decision or withdrawal on the request saved first: the status it was read with no longer matches.
            return new SubcontractOutcome.Refused(StatusCodes.Status409Conflict, "Changed meanwhile.",
                "Someone else acted on this request at the same moment; reload to see where it stands.");
        }
    }

    private static SubcontractOutcome Refusal(SubcontractRefusal refusal, string number, bool contractorStep = false) => refusal switch
    {
        SubcontractRefusal.NotPermitted => new SubcontractOutcome.Refused(StatusCodes.Status409Conflict, "Sub-contracting is not permitted.",
            SubcontractingWords.NotPermitted(number)),
        SubcontractRefusal.NotYourStep => new SubcontractOutcome.Refused(StatusCodes.Status403Forbidden, "Not yours to do.",
            contractorStep ? SubcontractingWords.OnlyTheContractor : SubcontractingWords.OnlyPurchasing),
        SubcontractRefusal.SamePerson => new SubcontractOutcome.Refused(StatusCodes.Status403Forbidden, "Not yours to do.", SubcontractingWords.SamePerson),
        SubcontractRefusal.NotPending p => new SubcontractOutcome.Refused(StatusCodes.Status409Conflict, "Already settled.",
            SubcontractingWords.NotPending(p.Status)),
        SubcontractRefusal.BeforeRequest b => new SubcontractOutcome.Refused(StatusCodes.Status409Conflict, "Not before the request.",
            SubcontractingWords.BeforeRequest(b)),
        SubcontractRefusal.ReasonRequired => Invalid("reason", SubcontractingWords.ReasonRequired),
        SubcontractRefusal.NameRequired => Invalid("name", SubcontractingWords.NameRequired),
        SubcontractRefusal.AddressRequired => Invalid("address", SubcontractingWords.AddressRequired),
        SubcontractRefusal.WorkRequired => Invalid("items", SubcontractingWords.WorkRequired),
        _ => new SubcontractOutcome.Refused(StatusCodes.Status409Conflict, "Refused.", "The step was refused."),
    };

    private static SubcontractOutcome Invalid(string path, string message) =>
        new SubcontractOutcome.Invalid(new Dictionary<string, string[]> { [path] = [message] });

    private static SubcontractOutcome NoContract(string number) => new SubcontractOutcome.NotFound($"There is no contract {number} that you can see.");

    private static void Longest(FieldErrors errors, string path, string? value, int maxLength)
    {
        if (value is { } text && text.Trim().Length > maxLength)
        {
            errors.Add(path, $"At most {maxLength} characters.");
        }
    }

    // One account may hold several roles: it asks and withdraws as the contractor, decides as Purchasing, and the
    // aggregate refuses the rest (and a decision on what the same person asked).
    private static Party AsContractor(ClaimsPrincipal user) => user.IsInRole(Roles.Contractor) ? Party.Contractor : user.Party();

    private static Party AsPurchasing(ClaimsPrincipal user) => user.IsInRole(Roles.Purchasing) ? Party.Purchasing : user.Party();

    private LocalDate Today() => clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
}
