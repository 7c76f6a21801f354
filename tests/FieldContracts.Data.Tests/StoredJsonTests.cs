using FieldContracts.Data.Conversion;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Data.Tests;

/// <summary>
/// The JSON the database already holds keeps reading, and what is written now is byte for byte what was written
/// before: a stored format changes only with a migration that rewrites its rows.
/// </summary>
public sealed class StoredJsonTests
{
    private const string Calendar =
        """{"workingDays":["Monday","Tuesday","Wednesday","Thursday","Friday"],"holidays":[{"date":"2003-11-27","name":"Thanksgiving Day"},{"date":"2004-02-29","name":"Leap day"}]}""";

    private const string Withheld =
        """{"material":"Broadleaf herbicide","areas":["6f1a4c2e-9d0b-4a51-8f3e-2b7c5d9e1a04"],"seededOn":"2003-09-02","instead":"Hand weeding"}""";

    [Fact]
    public void WorkCalendar_AsStored_ReadsAndWritesBackTheSameText()
    {
        var calendar = WorkCalendarConverter.Read(Calendar);

        Assert.Equal([new LocalDate(2003, 11, 27), new LocalDate(2004, 2, 29)], calendar.Holidays.Select(h => h.Date));
        Assert.Equal(Calendar, WorkCalendarConverter.Write(calendar));
    }

    [Fact]
    public void LocalDate_AsStored_ReadsAndWritesBackTheSameText()
    {
        var withheld = System.Text.Json.JsonSerializer.Deserialize<WithheldDetail>(Withheld, StoredJson.Options)!;

        Assert.Equal(new LocalDate(2003, 9, 2), withheld.SeededOn);
        Assert.Equal(Withheld, System.Text.Json.JsonSerializer.Serialize(withheld, StoredJson.Options));
    }

    [Theory]
    [InlineData("\"2003-02-30\"")]
    [InlineData("\"09/02/2003\"")]
    [InlineData("20030902")]
    public void LocalDate_NotAsStored_IsRefused(string value) =>
        Assert.ThrowsAny<Exception>(() => System.Text.Json.JsonSerializer.Deserialize<LocalDate>(value, StoredJson.Options));
}
