using FieldContracts.Scheduling.Planning;

namespace FieldContracts.Administration;

/// <summary>A school of a contract with its areas, as a complaint or an inspection names them.</summary>
/// <param name="Id">The school (site).</param>
/// <param name="Name">e.g. "Bulkeley High School".</param>
/// <param name="Areas">Its areas as the contract lists them: kind and sport seasons.</param>
public sealed record SchoolAreas(Guid Id, string Name, IReadOnlyList<AreaInput> Areas);
