namespace FieldContracts.Web.Features.Billing;

/// <summary>The invoice lines partial: the invoice, and for the Athletic Director's certification the lines ticked to exclude and why.</summary>
public sealed record InvoiceLinesModel(InvoiceView Invoice, bool Excludable = false, IReadOnlyCollection<int>? ExcludedLines = null,
    IReadOnlyDictionary<int, string>? ReasonsByLine = null)
{
    public IReadOnlyCollection<int> Excluded => ExcludedLines ?? [];

    public IReadOnlyDictionary<int, string> Reasons => ReasonsByLine ?? new Dictionary<int, string>();
}
