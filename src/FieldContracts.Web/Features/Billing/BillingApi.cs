using System.Security.Claims;
using FieldContracts.Administration.Billing;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Billing.Documents;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using NodaTime;

namespace FieldContracts.Web.Features.Billing;

/// <summary>The contractor submits the installment of a period (numbered from 1, May 15–31, 2003 for #2685), with a note.</summary>
public sealed record SubmitInvoiceRequest(int? Period, string? Note);

/// <summary>A line the Athletic Director excludes from the services certified as received, and why.</summary>
public sealed record ExclusionRequest(int? Line, string? Reason);

public sealed record CertifyInvoiceRequest(IReadOnlyList<ExclusionRequest>? Exclusions);

public sealed record ReasonRequest(string? Reason);

public sealed record PaymentRequest(LocalDate? PaidOn, string? Method, string? Reference);

/// <summary>Purchasing assesses damages on an upheld deficiency: days and schools for the rate, a lower amount if it decides so, the evidence.</summary>
public sealed record AssessDamagesRequest(Guid? DeficiencyId, int? Days, int? Schools, decimal? Amount, string? Evidence);

/// <summary>A decision on an assessment: the reason, and for a reduction the lower amount.</summary>
public sealed record DamagesDecisionRequest(string? Reason, decimal? Amount);

/// <summary>An adjustment with its reason: positive pays the contractor more, negative takes off; on the installment of the period holding <c>on</c>.</summary>
public sealed record AdjustmentRequest(LocalDate? On, decimal? Amount, string? Reason);

public static class BillingApi
{
    private const string Csv = "text/csv; charset=utf-8";

    public static IServiceCollection AddBilling(this IServiceCollection services) => services
        .AddScoped<BillingBooks>()
        .AddScoped<BillingQueries>()
        .AddScoped<InvoiceSteps>()
        .AddScoped<BillingAdministration>();

    public static void MapBillingApi(this IEndpointRouteBuilder endpoints)
    {
        // Downloads are links on the pages, so they sit outside /api; the same role rules apply.
        endpoints.MapGet("/contracts/{number}/invoices/{id:guid}/invoice.pdf", async (string number, Guid id, ClaimsPrincipal user,
                BillingQueries queries, CancellationToken ct) =>
                await queries.InvoiceAsync(user, number, id, ct) is { } invoice
                    ? Results.File(InvoicePdf.Render(invoice, queries.Today()), InvoicePdf.ContentType, InvoicePdf.FileName(invoice))
                    : StepResults.NotFound($"There is no invoice {id} on contract {number} that you can see."))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .WithTags("Billing")
            .Produces(StatusCodes.Status200OK, contentType: InvoicePdf.ContentType)
            .WithSummary("The itemized invoice as PDF (special instruction 12).");

        endpoints.MapGet("/contracts/{number}/invoices/{id:guid}/voucher.pdf", async (string number, Guid id, ClaimsPrincipal user,
                BillingQueries queries, CancellationToken ct) =>
                await queries.InvoiceAsync(user, number, id, ct) is not { } invoice
                    ? StepResults.NotFound($"There is no invoice {id} on contract {number} that you can see.")
                    : invoice.Status is not ("Approved" or "Paid")
                        ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not approved yet.",
                            detail: "A payment voucher is made once Finance has approved the invoice.")
                        : Results.File(PaymentVoucherPdf.Render(invoice, queries.Today()), PaymentVoucherPdf.ContentType, PaymentVoucherPdf.FileName(invoice)))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Purchasing))
            .WithTags("Billing")
            .Produces(StatusCodes.Status200OK, contentType: PaymentVoucherPdf.ContentType)
            .WithSummary("Finance's payment voucher for an approved or paid invoice, as PDF.");

        endpoints.MapGet("/finance/invoices.csv", async (ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                Results.File(InvoiceCsv.Write(await queries.ExportAsync(user, null, ct)), Csv, InvoiceCsv.FileName("all")))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Purchasing))
            .WithTags("Billing")
            .Produces(StatusCodes.Status200OK, contentType: InvoiceCsv.ContentType)
            .WithSummary("Every invoice of every contract, one row per line, for the City's ERP (columns in the README).");

        endpoints.MapGet("/contracts/{number}/invoices.csv", async (string number, ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                await queries.ContractIdAsync(user, number, ct) is null
                    ? NoContract(number)
                    : Results.File(InvoiceCsv.Write(await queries.ExportAsync(user, number, ct)), Csv, InvoiceCsv.FileName(number)))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .WithTags("Billing")
            .Produces(StatusCodes.Status200OK, contentType: InvoiceCsv.ContentType)
            .WithSummary("The contract's invoices, one row per line (columns in the README).");

        endpoints.MapGet("/api/finance/queue", async (ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.FinanceAsync(user, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance))
            .WithTags("Billing")
            .Produces<FinanceQueue>()
            .WithSummary("Finance's queue: invoices awaiting approval with their deductions, awaiting certification, approved and due (with days overdue), and paid to date per contract and school.");

        var api = endpoints.MapGroup("/api/contracts/{number}").WithTags("Billing").RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/price-lines", async (string number, ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                await queries.PriceScheduleAsync(user, number, ct) is { } view ? Results.Ok(view) : NoContract(number))
            .Produces<PriceScheduleView>()
            .WithSummary("The bid schedule (special instruction 1): each line with its unit, estimated quantity, price, school, the items it pays for, its deduction value and history; estimated totals per school and for the contract.");

        api.MapPost("/price-lines", async (string number, HttpRequest request, ClaimsPrincipal user, BillingAdministration admin,
                BillingQueries queries, CancellationToken ct) =>
                await WithBody<PriceLineRequest>(request, ct, async body =>
                    await (await admin.SavePriceLineAsync(user, number, null, body, ct)).ToResultAsync(_ => queries.PriceScheduleAsync(user, number, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<PriceLineRequest>("application/json")
            .Produces<PriceScheduleView>()
            .WithSummary("Purchasing adds a line to the bid schedule, with the reason.");

        api.MapPut("/price-lines/{id:guid}", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, BillingAdministration admin,
                BillingQueries queries, CancellationToken ct) =>
                await WithBody<PriceLineRequest>(request, ct, async body =>
                    await (await admin.SavePriceLineAsync(user, number, id, body, ct)).ToResultAsync(_ => queries.PriceScheduleAsync(user, number, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<PriceLineRequest>("application/json")
            .Produces<PriceScheduleView>()
            .WithSummary("Purchasing changes a line (description, unit, quantity, price, items covered, deduction value), with the reason; the earlier version is kept. Invoices already submitted keep their figures.");

        api.MapGet("/billing-periods", async (string number, ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                await queries.OverviewAsync(user, number, ct) is { } view ? Results.Ok(view) : NoContract(number))
            .Produces<BillingOverview>()
            .WithSummary("The billing periods (calendar months of the term, the first and last cut to it), when each is payable, its invoice or drawn-up installment, and what is on no installment yet and why.");

        api.MapGet("/billing-periods/{period:int}/draft", async (string number, int period, ClaimsPrincipal user, BillingQueries queries,
                CancellationToken ct) =>
                await queries.DraftAsync(user, number, period, ct) is { } view
                    ? Results.Ok(view)
                    : StepResults.NotFound($"Period {period} of contract {number} has no installment to submit: not ended, already submitted, or waiting for the invoice before it."))
            .Produces<InvoiceView>()
            .WithSummary("The installment of a period as the system draws it up from what was received, for the contractor to review before submitting.");

        api.MapGet("/invoices", async (string number, ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                await queries.InvoicesAsync(user, number, ct) is { } list ? Results.Ok(list) : NoContract(number))
            .Produces<IReadOnlyList<InvoiceView>>()
            .WithSummary("The contract's invoices, the latest period first.");

        api.MapGet("/invoices/{id:guid}", async (string number, Guid id, ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                await queries.InvoiceAsync(user, number, id, ct) is { } view ? Results.Ok(view) : StepResults.NotFound($"There is no invoice {id} that you can see."))
            .Produces<InvoiceView>()
            .WithSummary("One invoice: its lines with where each figure comes from, its totals and its steps.");

        api.MapPost("/invoices", async (string number, HttpRequest request, ClaimsPrincipal user, InvoiceSteps steps, BillingQueries queries,
                CancellationToken ct) =>
                await WithBody<SubmitInvoiceRequest>(request, ct, async body => body.Period is not { } period
                    ? JsonBody.Invalid("period", "Say which period's installment is submitted.")
                    : await (await steps.SubmitAsync(user, number, period, body.Note, ct)).ToResultAsync(id => queries.InvoiceAsync(user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor))
            .Accepts<SubmitInvoiceRequest>("application/json")
            .Produces<InvoiceView>()
            .WithSummary("The contractor submits the drawn-up installment of an ended period (or submits a returned one again), with an optional note; the computed lines cannot be changed.");

        api.MapPost("/invoices/{id:guid}/certify", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, InvoiceSteps steps,
                BillingQueries queries, CancellationToken ct) =>
                await WithBody<CertifyInvoiceRequest>(request, ct, async body =>
                {
                    var exclusions = new Dictionary<int, string>();
                    foreach (var (exclusion, i) in (body.Exclusions ?? []).Select((e, i) => (e, i)))
                    {
                        if (exclusion.Line is not { } line || !exclusions.TryAdd(line, exclusion.Reason ?? ""))
                        {
                            return JsonBody.Invalid($"exclusions[{i}].line", "Name each excluded line once, by its number.");
                        }
                    }

                    return await (await steps.CertifyAsync(user, number, id, exclusions, ct)).ToResultAsync(_ => queries.InvoiceAsync(user, number, id, ct));
                }))
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector))
            .Accepts<CertifyInvoiceRequest>("application/json")
            .Produces<InvoiceView>()
            .WithSummary("The Athletic Director certifies the services received, excluding lines (by number) with a reason each.");

        api.MapPost("/invoices/{id:guid}/approve", async (string number, Guid id, ClaimsPrincipal user, InvoiceSteps steps, BillingQueries queries,
                CancellationToken ct) =>
                await (await steps.ApproveAsync(user, number, id, ct)).ToResultAsync(_ => queries.InvoiceAsync(user, number, id, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance))
            .Produces<InvoiceView>()
            .WithSummary("Finance approves a certified invoice once payable; payment falls due after the contract's payment days (45 unless set). Two approvals at once: one succeeds, the other is a 409.");

        api.MapPost("/invoices/{id:guid}/reject", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, InvoiceSteps steps,
                BillingQueries queries, CancellationToken ct) =>
                await WithBody<ReasonRequest>(request, ct, async body =>
                    await (await steps.RejectAsync(user, number, id, body.Reason, ct)).ToResultAsync(_ => queries.InvoiceAsync(user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance))
            .Accepts<ReasonRequest>("application/json")
            .Produces<InvoiceView>()
            .WithSummary("Finance rejects a submitted or certified invoice with its reason; it goes back to the contractor.");

        api.MapPost("/invoices/{id:guid}/payment", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, InvoiceSteps steps,
                BillingQueries queries, CancellationToken ct) =>
                await WithBody<PaymentRequest>(request, ct, async body => body.PaidOn is not { } paidOn
                    ? JsonBody.Invalid("paidOn", "The day of payment is required.")
                    : await (await steps.RecordPaymentAsync(user, number, id, paidOn, body.Method, body.Reference, ct))
                        .ToResultAsync(_ => queries.InvoiceAsync(user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance))
            .Accepts<PaymentRequest>("application/json")
            .Produces<InvoiceView>()
            .WithSummary("Finance records the payment of an approved invoice: the day, the method (check, ACH, …) and the reference.");

        api.MapGet("/damages", async (string number, ClaimsPrincipal user, BillingQueries queries, CancellationToken ct) =>
                await queries.DamagesAsync(user, number, ct) is { } damages ? Results.Ok(damages.Assessments) : NoContract(number))
            .Produces<IReadOnlyList<AssessmentView>>()
            .WithSummary("Liquidated damages assessed on the contract (special instruction 10), where each stands and the invoice it was deducted on.");

        api.MapPost("/damages", async (string number, HttpRequest request, ClaimsPrincipal user, BillingAdministration admin, BillingQueries queries,
                CancellationToken ct) =>
                await WithBody<AssessDamagesRequest>(request, ct, async body => body.DeficiencyId is not { } deficiencyId
                    ? JsonBody.Invalid("deficiencyId", "Name the upheld deficiency the damages rest on.")
                    : await (await admin.AssessAsync(user, number, deficiencyId, body.Days ?? 1, body.Schools ?? 1, body.Amount, body.Evidence, ct))
                        .ToResultAsync(id => OneAssessmentAsync(queries, user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<AssessDamagesRequest>("application/json")
            .Produces<AssessmentView>()
            .WithSummary("Purchasing assesses damages on an upheld deficiency (never an open or withdrawn one), at the contract's rate or lower, with the evidence.");

        MapDecision(api, "dispute", AssessmentAction.Dispute, Roles.Contractor,
            "The contractor disputes an assessment within the dispute period, with its reasons; nothing is deducted until Purchasing decides.");
        MapDecision(api, "uphold", AssessmentAction.Uphold, Roles.Purchasing, "Purchasing upholds a disputed assessment, with the reason.");
        MapDecision(api, "reduce", AssessmentAction.Reduce, Roles.Purchasing, "Purchasing reduces an assessment to a lower `amount`, with the reason.");
        MapDecision(api, "waive", AssessmentAction.Waive, Roles.Purchasing, "Purchasing waives an assessment, with the reason; nothing is deducted.");

        api.MapPost("/adjustments", async (string number, HttpRequest request, ClaimsPrincipal user, BillingAdministration admin, BillingQueries queries,
                CancellationToken ct) =>
                await WithBody<AdjustmentRequest>(request, ct, async body =>
                    await (await admin.AddAdjustmentAsync(user, number, body.On, body.Amount, body.Reason, ct)).ToResultAsync(_ => queries.OverviewAsync(user, number, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<AdjustmentRequest>("application/json")
            .Produces<BillingOverview>()
            .WithSummary("Purchasing adjusts what the contractor is paid, with the reason; it goes on the installment of the period holding `on` (today if not given), or the next not yet submitted.");

        api.MapGet("/billing-settings", async (string number, ClaimsPrincipal user, BillingQueries queries, BillingBooks books, CancellationToken ct) =>
                await SettingsViewAsync(books, queries, user, number, ct) is { } settings ? Results.Ok(settings) : NoContract(number))
            .Produces<BillingSettingsRequest>()
            .WithSummary("How lump sums are prorated, the payment and dispute days, and the schedule of liquidated damages (sample rates marked).");

        api.MapPut("/billing-settings", async (string number, HttpRequest request, ClaimsPrincipal user, BillingAdministration admin, BillingQueries queries,
                BillingBooks books, CancellationToken ct) =>
                await WithBody<BillingSettingsRequest>(request, ct, async body =>
                    await (await admin.ChangeSettingsAsync(user, number, body, ct)).ToResultAsync(_ => SettingsViewAsync(books, queries, user, number, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<BillingSettingsRequest>("application/json")
            .Produces<BillingSettingsRequest>()
            .WithSummary("Purchasing sets the billing settings and the schedule of liquidated damages (Form 127 ¶28's rates, which the bid does not give).");
    }

    private static void MapDecision(RouteGroupBuilder api, string step, AssessmentAction action, string role, string summary) =>
        api.MapPost($"/damages/{{id:guid}}/{step}", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, BillingAdministration admin,
                BillingQueries queries, CancellationToken ct) =>
                await WithBody<DamagesDecisionRequest>(request, ct, async body =>
                    await (await admin.DecideAsync(user, number, id, action, body.Reason, body.Amount, ct))
                        .ToResultAsync(_ => OneAssessmentAsync(queries, user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(role))
            .Accepts<DamagesDecisionRequest>("application/json")
            .Produces<AssessmentView>()
            .WithSummary(summary);

    private static async Task<AssessmentView?> OneAssessmentAsync(BillingQueries queries, ClaimsPrincipal user, string number, Guid id, CancellationToken ct) =>
        (await queries.DamagesAsync(user, number, ct))?.Assessments.FirstOrDefault(a => a.Id == id);

    private static async Task<BillingSettingsRequest?> SettingsViewAsync(BillingBooks books, BillingQueries queries, ClaimsPrincipal user,
        string number, CancellationToken ct)
    {
        if (await queries.ContractIdAsync(user, number, ct) is not { } contractId)
        {
            return null;
        }

        var settings = await books.SettingsAsync(contractId, ct);
        return new BillingSettingsRequest(settings.Proration, settings.PaymentDays, settings.DisputeDays,
            settings.DamagesRates.Select(r => new DamagesRateRequest(r.Kind, r.Basis, r.Amount.Amount, r.Cap?.Amount, r.IsSample)).ToList());
    }

    private static async Task<IResult> WithBody<T>(HttpRequest request, CancellationToken ct, Func<T, Task<IResult>> handle)
        where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync<T>(request, ct);
        return problem ?? await handle(body!);
    }

    private static IResult NoContract(string number) => StepResults.NotFound($"There is no contract {number} that you can see.");
}
