using FieldContracts.Administration.Billing;

namespace FieldContracts.Web.Features.Billing;

/// <summary>Billing's refusals and terms in words for pages and problem details.</summary>
public static class BillingWords
{
    public static string Of(BillingRefusal refusal) => refusal switch
    {
        BillingRefusal.NotYetPayable n => $"Not payable before {n.PayableFrom:MMMM d, yyyy} (special instruction 12).",
        BillingRefusal.NoSuchPeriod n => $"No period of service lies in {n.Month}.",
        BillingRefusal.UnknownPriceLine => "Work is recorded against a price line the contract no longer has.",
        BillingRefusal.NoDeductionValue => "Missed work falls under a lump-sum line without a deduction value: Purchasing sets one on the bid schedule first.",
        BillingRefusal.ReasonRequired => "An adjustment has no reason.",
        BillingRefusal.NotWholeCents => "A price on the bid schedule is not a whole number of cents.",
        _ => "The installment cannot be drawn up.",
    };

    public static string Of(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Submitted => "Awaiting certification",
        InvoiceStatus.Certified => "Awaiting approval",
        InvoiceStatus.Approved => "Approved, payment due",
        InvoiceStatus.Paid => "Paid",
        _ => "Returned to the contractor",
    };
}
