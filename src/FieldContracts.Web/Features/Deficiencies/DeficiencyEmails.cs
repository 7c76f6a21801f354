using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Features.Shared;
using NodaTime;

namespace FieldContracts.Web.Features.Deficiencies;

/// <summary>What the email about a new deficiency names besides the deficiency itself.</summary>
/// <param name="ContractNumber">e.g. "2685".</param>
/// <param name="ContractTitle">e.g. "Athletic Fields; Maintenance Of".</param>
/// <param name="School">The school's name, when the deficiency concerns one.</param>
/// <param name="Areas">The names of the areas it concerns; none for the school as a whole.</param>
/// <param name="ResponseDays">The contract's response time (<c>ContractSettings.ResponseDays</c>).</param>
public sealed record DeficiencyEmailFacts(string ContractNumber, string ContractTitle, string? School, IReadOnlyList<string> Areas, int ResponseDays);

/// <summary>
/// The email telling the contractor of a deficiency raised by a complaint or an inspection: one outbox message per
/// address of the contractor's contacts (<see cref="ContractorRecipients"/>), written in the same transaction as the
/// deficiency, each under the unique key <c>deficiency:{id}:{email}</c>, so it is queued once however often it is
/// tried. It names the contract, school, areas, what was found, the day the response is due and where to respond.
/// </summary>
public static class DeficiencyEmails
{
    /// <summary>The register's address for one deficiency, relative to the application's.</summary>
    public static string RegisterPath(string contractNumber, Guid deficiencyId) =>
        $"/contracts/{Uri.EscapeDataString(contractNumber)}/deficiencies#d-{deficiencyId}";

    public static string DedupKey(Guid deficiencyId, string email) => $"deficiency:{deficiencyId:N}:{email.Trim().ToLowerInvariant()}";

    /// <summary>The messages to queue for <paramref name="deficiency"/>, one per recipient.</summary>
    public static IReadOnlyList<OutboxMessage> Compose(Deficiency deficiency, DeficiencyEmailFacts facts, IReadOnlyList<ContractorRecipient> recipients,
        Instant now)
    {
        var due = ResponseTime.DueOn(deficiency, facts.ResponseDays);
        var subject = $"Contract #{facts.ContractNumber}: {Label(deficiency.Kind)} at {facts.School ?? "the contract"}, response due {Display.Short(due)}";
        List<string> lines =
        [
            $"A deficiency was raised on contract #{facts.ContractNumber}, {facts.ContractTitle}.",
            "",
            $"School: {facts.School ?? "the contract as a whole"}",
            $"Areas: {(facts.Areas.Count == 0 ? "the school as a whole" : string.Join(", ", facts.Areas))}",
            $"Found: {Display.Long(deficiency.FoundOn)} ({Label(deficiency.Kind).ToLowerInvariant()}, by {deficiency.RaisedBy})",
            $"What was found: {deficiency.Evidence}",
        ];
        if (deficiency.Photos.Count > 0)
        {
            lines.Add($"Photos: {deficiency.Photos.Count}, with the deficiency in the register");
        }

        lines.AddRange(
        [
            $"Response due: {Display.Long(due)} ({facts.ResponseDays} days after it was found)",
            "",
            "Acknowledge it, saying how it will be made good, or dispute it with your reasons, in the contract's deficiency register:",
            RegisterPath(facts.ContractNumber, deficiency.Id),
        ]);
        var body = string.Join("\n", lines) + "\n";
        return recipients.Select(r => new OutboxMessage
            {
                Id = Guid.NewGuid(),
                Kind = OutboxKind.DeficiencyRaised,
                DedupKey = DedupKey(deficiency.Id, r.Email),
                ToAddress = r.Email,
                ToName = r.Name,
                Subject = subject.Length <= 400 ? subject : subject[..400],
                Body = body,
                CreatedAt = now,
                NextAttemptAt = now,
            })
            .ToList();
    }

    private static string Label(DeficiencyKind kind) => kind switch
    {
        DeficiencyKind.Complaint => "Complaint",
        DeficiencyKind.InspectionFailure => "Inspection failure",
        _ => "Deficiency",
    };
}
