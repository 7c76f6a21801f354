using FieldContracts.Administration.Deficiencies;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Performance;

/// <summary>The contract of bid #2685 (term May 15, 2003 – Dec 31, 2004) and deficiencies in its register.</summary>
internal static class Bid2685
{
    public static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    public static Contract Contract() =>
        new(Guid.NewGuid(), "2685", "Athletic fields; maintenance of", Guid.NewGuid(), Term, new LocalDate(2003, 5, 1),
            new ContractSettings(SubcontractingPolicy.PriorApprovalRequired, ContractSettings.DefaultChemicalNoticeLeadTime, 7));

    /// <summary>9 a.m. in Hartford (EDT in summer) on <paramref name="date"/>.</summary>
    public static Instant At(LocalDate date) =>
        date.At(new LocalTime(9, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["America/New_York"]).ToInstant();

    public static Deficiency Raise(Contract contract, LocalDate foundOn, DeficiencyKind kind = DeficiencyKind.MissedWork,
        string evidence = "Weaver's football field not mowed in its window.") =>
        Deficiency.Raise(new Deficiency.Finding(contract.Id, Guid.NewGuid(), [], kind, null, evidence, null),
            Party.System, "Missed-work pass", At(foundOn), foundOn);

    /// <summary>Walks a deficiency to <paramref name="status"/> through the register's own steps.</summary>
    public static Deficiency Reach(Deficiency deficiency, DeficiencyStatus status)
    {
        (DeficiencyAction, Party)[] path = status switch
        {
            DeficiencyStatus.Open => [],
            DeficiencyStatus.Upheld => [(DeficiencyAction.Uphold, Party.Purchasing)],
            DeficiencyStatus.Acknowledged => [(DeficiencyAction.Acknowledge, Party.Contractor)],
            DeficiencyStatus.Disputed => [(DeficiencyAction.Dispute, Party.Contractor)],
            DeficiencyStatus.Withdrawn => [(DeficiencyAction.Withdraw, Party.Purchasing)],
            DeficiencyStatus.Cured => [(DeficiencyAction.Uphold, Party.Purchasing), (DeficiencyAction.Cure, Party.AthleticDirector)],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var (action, party) in path)
        {
            Assert.Null(deficiency.Take(action, party, $"{party}@hartford.example", deficiency.RaisedAt, "on the way").Refusal);
        }

        return deficiency;
    }
}
