using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using NodaTime;

namespace FieldContracts.Administration.Inspections;

/// <summary>What the inspector found on one line of the checklist.</summary>
/// <param name="Line">The checklist line's key.</param>
/// <param name="MeasuredInches">For a height line, the height measured.</param>
/// <param name="Passed">
/// The inspector's verdict: required on lines without a figure; on a height line optional, since the figure decides, and
/// false only to fail a height within the range for a reason given in the note.
/// </param>
/// <param name="Note">What was seen; required when a line fails for any reason other than its figure.</param>
/// <param name="Photos">Photos of what was seen.</param>
public sealed record LineResult(string Line, decimal? MeasuredInches, bool? Passed, string? Note, IReadOnlyList<EvidencePhoto> Photos);

/// <summary>An inspection as the inspector records it.</summary>
/// <param name="School">The school inspected, with its name for the evidence.</param>
/// <param name="InspectedOn">The day of the inspection (Hartford).</param>
/// <param name="Today">The day it is recorded: an inspection is not recorded before it took place.</param>
/// <param name="Checklist">The checklist of the school on that day (<see cref="InspectionChecklist.For"/>).</param>
/// <param name="Lines">The lines checked; lines of the checklist left out were not checked.</param>
public sealed record InspectionFacts(
    Guid ContractId,
    SchoolAreas School,
    LocalDate InspectedOn,
    LocalDate Today,
    IReadOnlyList<ChecklistLine> Checklist,
    IReadOnlyList<LineResult> Lines);

/// <summary>Why an inspection is not recorded; a value, not an exception. Line refusals carry the line's index.</summary>
public abstract record InspectionRefusal
{
    private InspectionRefusal()
    {
    }

    /// <summary>Only the Athletic Director and Purchasing record inspections.</summary>
    public sealed record NotYourStep(Party Party) : InspectionRefusal;

    /// <summary>The day given is after today.</summary>
    public sealed record InTheFuture(LocalDate InspectedOn) : InspectionRefusal;

    /// <summary>Not one line was checked.</summary>
    public sealed record NoLines : InspectionRefusal;

    /// <summary>No line of the checklist has this key (for this school on this day).</summary>
    public sealed record UnknownLine(int Index, string Line) : InspectionRefusal;

    /// <summary>The line was given before.</summary>
    public sealed record LineTwice(int Index, string Line) : InspectionRefusal;

    /// <summary>A height line without the height measured.</summary>
    public sealed record HeightRequired(int Index) : InspectionRefusal;

    /// <summary>A figure on a line that is not a height.</summary>
    public sealed record NoHeightHere(int Index) : InspectionRefusal;

    /// <summary>A height below zero or above <see cref="Inspection.MaximumMeasurableInches"/>.</summary>
    public sealed record HeightOutOfBounds(int Index, decimal Inches) : InspectionRefusal;

    /// <summary>A line without a figure needs pass or fail.</summary>
    public sealed record ResultRequired(int Index) : InspectionRefusal;

    /// <summary>A line failed without a figure outside its range needs a note saying what was seen.</summary>
    public sealed record NoteRequired(int Index) : InspectionRefusal;

    /// <summary>A note longer than <see cref="Inspection.MaxNoteLength"/>.</summary>
    public sealed record NoteTooLong(int Index, int Length) : InspectionRefusal;

    /// <summary>More photos on a line than <see cref="EvidencePhoto.MaxPerFinding"/>.</summary>
    public sealed record TooManyPhotos(int Index, int Count) : InspectionRefusal;
}

/// <summary>A line of a recorded inspection: the checklist line, what was found, and its verdict.</summary>
/// <param name="Required">For a height, the spec IV range on the day and whether in season.</param>
/// <param name="Passed">The verdict: a height outside its range fails whatever the inspector marked.</param>
public sealed record InspectionLine(
    string Line,
    InspectionCheck Check,
    Guid? AreaId,
    string What,
    string Clause,
    decimal? MeasuredInches,
    SeasonalHeight? Required,
    bool Passed,
    string? Note,
    IReadOnlyList<EvidencePhoto> Photos)
{
    /// <summary>Whether the line failed by its figure: a height measured outside the spec IV range of the day.</summary>
    public bool FailedByFigure => MeasuredInches is { } inches && Required is { } required && !required.Allows(inches);
}

/// <summary>
/// An inspection of one school by the Athletic Director or Purchasing, line by line from the checklist the contract's
/// specification gives for the school and day. Heights are judged by the one spec IV rule; other lines by the
/// inspector, who says what was seen when a line fails. Each failed line is one finding for the deficiency register,
/// of kind <see cref="DeficiencyKind.InspectionFailure"/>, keyed by inspection and line so it is raised once. Never
/// changed once recorded.
/// </summary>
public sealed class Inspection
{
    /// <summary>A figure above this is a typing error, not grass: spec IV's tallest allowed grass is 4 inches.</summary>
    public const decimal MaximumMeasurableInches = 24m;

    public const int MaxNoteLength = 1000;

    private readonly List<InspectionLine> _lines = [];

    private Inspection()
    {
        InspectedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The school inspected.</summary>
    public Guid SiteId { get; private set; }

    /// <summary>The day of the inspection (Hartford).</summary>
    public LocalDate InspectedOn { get; private set; }

    public Party InspectedByParty { get; private set; }

    public string InspectedBy { get; private set; }

    /// <summary>When it was recorded.</summary>
    public Instant RecordedAt { get; private set; }

    /// <summary>The lines checked, in the checklist's order.</summary>
    public IReadOnlyList<InspectionLine> Lines => _lines;

    /// <summary>Whether every line checked passed.</summary>
    public bool Passed => _lines.All(l => l.Passed);

    /// <summary>Who records inspections: the Athletic Director and Purchasing.</summary>
    public static bool MayRecord(Party party) => party is Party.AthleticDirector or Party.Purchasing;

    /// <summary>Records an inspection, or says every reason it cannot be recorded.</summary>
    public static (Inspection? Inspection, IReadOnlyList<InspectionRefusal> Refusals) Record(InspectionFacts facts, Party party, string by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!MayRecord(party))
        {
            return (null, [new InspectionRefusal.NotYourStep(party)]);
        }

        var refusals = new List<InspectionRefusal>();
        if (facts.InspectedOn > facts.Today)
        {
            refusals.Add(new InspectionRefusal.InTheFuture(facts.InspectedOn));
        }

        if (facts.Lines.Count == 0)
        {
            refusals.Add(new InspectionRefusal.NoLines());
        }

        var checklist = facts.Checklist.ToDictionary(l => l.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var judged = new List<InspectionLine>();
        for (var i = 0; i < facts.Lines.Count; i++)
        {
            var result = facts.Lines[i];
            if (!checklist.TryGetValue(result.Line ?? "", out var line))
            {
                refusals.Add(new InspectionRefusal.UnknownLine(i, result.Line ?? ""));
                continue;
            }

            if (!seen.Add(line.Key))
            {
                refusals.Add(new InspectionRefusal.LineTwice(i, line.Key));
                continue;
            }

            if (Judge(i, line, result, refusals) is { } judgedLine)
            {
                judged.Add(judgedLine);
            }
        }

        if (refusals.Count > 0)
        {
            return (null, refusals);
        }

        var inspection = new Inspection
        {
            Id = Guid.CreateVersion7(),
            ContractId = facts.ContractId,
            SiteId = facts.School.Id,
            InspectedOn = facts.InspectedOn,
            InspectedByParty = party,
            InspectedBy = by,
            RecordedAt = at,
        };
        var order = facts.Checklist.Select((l, index) => (l.Key, index)).ToDictionary(x => x.Key, x => x.index, StringComparer.Ordinal);
        inspection._lines.AddRange(judged.OrderBy(l => order[l.Line]));
        return (inspection, []);
    }

    /// <summary>
    /// A finding for each failed line, its evidence quoting the specification and the figure:
    /// "Weaver High School, Football field: measured at 4.5" at the inspection of Jun 10, 2003; spec IV requires
    /// 2–2.5" off season." Each keeps the line's photos and names this inspection.
    /// </summary>
    public IReadOnlyList<Deficiency.Finding> Findings(string schoolName) =>
        _lines.Where(l => !l.Passed)
            .Select(l => new Deficiency.Finding(ContractId, SiteId, l.AreaId is { } area ? [area] : [], DeficiencyKind.InspectionFailure, null,
                Evidence(schoolName, l), DeficiencyKeys.Inspection(Id, l.Line), Photos: l.Photos, InspectionId: Id))
            .ToList();

    private string Evidence(string school, InspectionLine line)
    {
        var at = $"at the inspection of {Figures.Day(InspectedOn)}";
        var note = Sentence(line.Note);
        switch (line.Check)
        {
            case InspectionCheck.Height when line.FailedByFigure:
                var inches = line.MeasuredInches!.Value;
                var over = inches > SpecificationChecks.MaximumGrassHeight ? " Spec IV: grass never over 4\"." : "";
                return $"{school}, {line.What}: measured at {Figures.Inches(inches)} {at}; {line.Clause}.{over}{(note.Length > 0 ? " Noted: " + note : "")}";
            case InspectionCheck.Height:
                return $"{school}, {line.What}: failed {at}, though measured at {Figures.Inches(line.MeasuredInches!.Value)} ({line.Clause}). {note}";
            case InspectionCheck.Debris:
                return $"{school}: debris and leaves not removed {at} (the bid's {line.Clause}). {note}";
            case InspectionCheck.Infield:
                return $"{school}, {line.What}: infield not groomed {at} (the bid's {line.Clause}). {note}";
            default:
                return $"{school}: irrigation not working {at} (the bid's {line.Clause}). {note}";
        }
    }

    /// <summary>The note as a sentence: ending with a full stop unless it ends with one of its own.</summary>
    private static string Sentence(string? note) =>
        string.IsNullOrWhiteSpace(note) ? "" : note.TrimEnd() is var text && text[^1] is '.' or '!' or '?' ? text : text + ".";

    private static InspectionLine? Judge(int i, ChecklistLine line, LineResult result, List<InspectionRefusal> refusals)
    {
        var before = refusals.Count;
        var note = string.IsNullOrWhiteSpace(result.Note) ? null : result.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            refusals.Add(new InspectionRefusal.NoteTooLong(i, note.Length));
        }

        if (result.Photos.Count > EvidencePhoto.MaxPerFinding)
        {
            refusals.Add(new InspectionRefusal.TooManyPhotos(i, result.Photos.Count));
        }

        bool passed;
        if (line.Check == InspectionCheck.Height)
        {
            if (result.MeasuredInches is not { } inches)
            {
                refusals.Add(new InspectionRefusal.HeightRequired(i));
                return null;
            }

            if (inches is < 0 or > MaximumMeasurableInches)
            {
                refusals.Add(new InspectionRefusal.HeightOutOfBounds(i, inches));
                return null;
            }

            // The figure decides; the inspector may still fail a height within range, saying why.
            var withinRange = line.Required is not { } required || required.Allows(inches);
            passed = withinRange && result.Passed != false;
            if (withinRange && !passed && note is null)
            {
                refusals.Add(new InspectionRefusal.NoteRequired(i));
            }
        }
        else
        {
            if (result.MeasuredInches is not null)
            {
                refusals.Add(new InspectionRefusal.NoHeightHere(i));
            }

            if (result.Passed is not { } verdict)
            {
                refusals.Add(new InspectionRefusal.ResultRequired(i));
                return null;
            }

            passed = verdict;
            if (!passed && note is null)
            {
                refusals.Add(new InspectionRefusal.NoteRequired(i));
            }
        }

        return refusals.Count > before
            ? null
            : new InspectionLine(line.Key, line.Check, line.AreaId, line.What, line.Clause, result.MeasuredInches, line.Required, passed, note,
                result.Photos.DistinctBy(p => p.Sha256).ToList());
    }
}
