using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;

namespace FieldContracts.Administration.Tests.Inspections;

/// <summary>Weaver and Bulkeley High Schools' areas as #2685 lists them (general requirements II and III), with the demo's sport seasons.</summary>
internal static class Schools2685
{
    public static readonly SportSeason Football = new("Football", new AnnualDate(8, 20), new AnnualDate(11, 27));
    public static readonly SportSeason Baseball = new("Baseball", new AnnualDate(3, 15), new AnnualDate(6, 10));
    public static readonly SportSeason Softball = new("Softball", new AnnualDate(3, 15), new AnnualDate(6, 10));
    public static readonly SportSeason Soccer = new("Soccer", new AnnualDate(8, 20), new AnnualDate(11, 15));

    public static readonly AreaInput WeaverFootballField = new(Guid.NewGuid(), "Football field", AreaKind.PlayingField, [Football]);
    public static readonly AreaInput WeaverTrack = new(Guid.NewGuid(), "Track", AreaKind.Track, []);
    public static readonly AreaInput WeaverBaseballInfield = new(Guid.NewGuid(), "Baseball infield", AreaKind.BaseballInfield, [Baseball]);
    public static readonly AreaInput WeaverBaseballOutfield = new(Guid.NewGuid(), "Baseball outfield", AreaKind.PlayingField, [Baseball]);
    public static readonly AreaInput WeaverSoftballInfield = new(Guid.NewGuid(), "Lower fields: softball infield", AreaKind.SkinnedInfield, [Softball]);
    public static readonly AreaInput WeaverSoccerField = new(Guid.NewGuid(), "Lower fields: soccer field", AreaKind.PlayingField, [Soccer]);
    public static readonly AreaInput WeaverTennisGrass = new(Guid.NewGuid(), "Tennis courts: grass between court fence and slope", AreaKind.TennisSurrounds, []);
    public static readonly AreaInput WeaverBaseLines = new(Guid.NewGuid(), "Baseball diamond: base lines", AreaKind.BaseLines, []);
    public static readonly AreaInput WeaverStairs = new(Guid.NewGuid(), "Tennis courts: slope stairs", AreaKind.Stairs, []);

    public static readonly SchoolAreas Weaver = new(Guid.NewGuid(), "Weaver High School",
    [
        WeaverFootballField, WeaverTrack, WeaverBaseballInfield, WeaverBaseballOutfield, WeaverSoftballInfield, WeaverSoccerField,
        WeaverTennisGrass, WeaverBaseLines, WeaverStairs,
    ]);

    public static readonly AreaInput BulkeleySoftballInfield = new(Guid.NewGuid(), "Softball infield", AreaKind.SkinnedInfield, [Softball]);
    public static readonly AreaInput BulkeleySoftballOutfield = new(Guid.NewGuid(), "Softball outfield", AreaKind.PlayingField, [Softball]);
    public static readonly AreaInput BulkeleyPracticeFields = new(Guid.NewGuid(), "Practice fields", AreaKind.PlayingField, [Football]);

    public static readonly SchoolAreas Bulkeley = new(Guid.NewGuid(), "Bulkeley High School",
        [BulkeleyPracticeFields, BulkeleySoftballInfield, BulkeleySoftballOutfield]);

    /// <summary>9 a.m. in Hartford on <paramref name="date"/>.</summary>
    public static Instant At(LocalDate date) =>
        date.At(new LocalTime(9, 0)).InZoneLeniently(DateTimeZoneProviders.Tzdb["America/New_York"]).ToInstant();
}
