namespace FieldContracts.Scheduling.Contracts;

/// <summary>Where a contract stands on a given day.</summary>
public enum ContractStatus
{
    /// <summary>Awarded, term not yet begun.</summary>
    Awarded,

    /// <summary>Within its term.</summary>
    InForce,

    /// <summary>The term has ended.</summary>
    Completed,

    /// <summary>Ended early by the City (special instructions 6 and 7).</summary>
    Terminated,
}
