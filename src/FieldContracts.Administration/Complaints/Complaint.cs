using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Administration.Complaints;

/// <summary>What a complaint says: the school, the areas it is about (none for the school as a whole), the text and photos.</summary>
public sealed record ComplaintFacts(Guid ContractId, SchoolAreas School, IReadOnlyList<Guid> AreaIds, string? Text, IReadOnlyList<EvidencePhoto> Photos);

/// <summary>Why a complaint is not filed; a value, not an exception.</summary>
public abstract record ComplaintRefusal
{
    private ComplaintRefusal()
    {
    }

    /// <summary>Only the Athletic Director and Purchasing file complaints.</summary>
    public sealed record NotYourStep(Party Party) : ComplaintRefusal;

    /// <summary>A complaint says what is wrong.</summary>
    public sealed record TextRequired : ComplaintRefusal;

    /// <summary>The text is longer than <see cref="Complaint.MaxTextLength"/>.</summary>
    public sealed record TextTooLong(int Length) : ComplaintRefusal;

    /// <summary>An area named is not one of the school's.</summary>
    public sealed record AreaNotAtSchool(int Index, Guid AreaId) : ComplaintRefusal;

    /// <summary>More photos than <see cref="EvidencePhoto.MaxPerFinding"/>.</summary>
    public sealed record TooManyPhotos(int Count) : ComplaintRefusal;
}

/// <summary>
/// A complaint by the Athletic Director or Purchasing about a school's fields: it goes into the deficiency register
/// as it is, one deficiency of kind <see cref="DeficiencyKind.Complaint"/> each (complaints are never merged, so it has
/// no unique key), which the contractor answers like any other. Whoever filed it does not also decide on it
/// (<see cref="Deficiency.Take"/>).
/// </summary>
public static class Complaint
{
    /// <summary>The longest text: with the school and areas before it, the evidence stays within the register's 2,000 characters.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The register's limit on an evidence sentence.</summary>
    private const int MaxEvidenceLength = 2000;

    /// <summary>Who files complaints: the Athletic Director (who verifies the work) and Purchasing (who administers the contract).</summary>
    public static bool MayFile(Party party) => party is Party.AthleticDirector or Party.Purchasing;

    /// <summary>
    /// The finding a complaint makes, its evidence naming the school and areas before the complainant's words
    /// ("Complaint about Bulkeley High School (Softball outfield): …"), with its photos; or every reason it is refused.
    /// </summary>
    public static (Deficiency.Finding? Finding, IReadOnlyList<ComplaintRefusal> Refusals) File(ComplaintFacts facts, Party party)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!MayFile(party))
        {
            return (null, [new ComplaintRefusal.NotYourStep(party)]);
        }

        var refusals = new List<ComplaintRefusal>();
        var text = facts.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            refusals.Add(new ComplaintRefusal.TextRequired());
        }
        else if (text.Length > MaxTextLength)
        {
            refusals.Add(new ComplaintRefusal.TextTooLong(text.Length));
        }

        var areas = facts.School.Areas.ToDictionary(a => a.Id);
        for (var i = 0; i < facts.AreaIds.Count; i++)
        {
            if (!areas.ContainsKey(facts.AreaIds[i]))
            {
                refusals.Add(new ComplaintRefusal.AreaNotAtSchool(i, facts.AreaIds[i]));
            }
        }

        if (facts.Photos.Count > EvidencePhoto.MaxPerFinding)
        {
            refusals.Add(new ComplaintRefusal.TooManyPhotos(facts.Photos.Count));
        }

        if (refusals.Count > 0)
        {
            return (null, refusals);
        }

        // The school's own order, each area once, whatever order they were ticked in.
        var named = facts.School.Areas.Where(a => facts.AreaIds.Contains(a.Id)).ToList();
        var about = named.Count == 0 ? facts.School.Name : $"{facts.School.Name} ({string.Join(", ", named.Select(a => a.Name))})";
        var evidence = $"Complaint about {about}: {text}";
        if (evidence.Length > MaxEvidenceLength)
        {
            // So many areas that their names do not fit: the deficiency still names each by its id.
            evidence = $"Complaint about {facts.School.Name} ({named.Count} areas): {text}";
        }

        return (new Deficiency.Finding(facts.ContractId, facts.School.Id, named.Select(a => a.Id).ToList(), DeficiencyKind.Complaint, null,
            evidence, null, Photos: facts.Photos), []);
    }
}
