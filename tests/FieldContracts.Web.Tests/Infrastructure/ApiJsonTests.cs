using System.Text;
using System.Text.Json;
using FieldContracts.Web.Features.WorkLogs;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FieldContracts.Web.Tests.Infrastructure;

/// <summary>
/// The forms the API documents for NodaTime values, as its JSON options write and read them, and what a request is told
/// when a value is not in its form.
/// </summary>
public sealed class ApiJsonTests
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static TheoryData<object, string> Forms => new()
    {
        { new LocalDate(2004, 2, 29), "\"2004-02-29\"" },
        { new LocalDate(987, 1, 2), "\"0987-01-02\"" },
        { new AnnualDate(2, 29), "\"02-29\"" },
        { new AnnualDate(11, 5), "\"11-05\"" },
        { new LocalTime(7, 5), "\"07:05\"" },
        { new LocalTime(23, 59), "\"23:59\"" },
        { new LocalDateTime(2003, 10, 26, 7, 0), "\"2003-10-26T07:00\"" },
        { new LocalDateTime(2004, 4, 3, 17, 45), "\"2004-04-03T17:45\"" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void DocumentedForm_WrittenAndReadBack(object value, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(value, value.GetType(), JsonConfiguration.Options));
        Assert.Equal(value, JsonSerializer.Deserialize(json, value.GetType(), JsonConfiguration.Options));
    }

    [Fact]
    public void Nullable_WrittenAsNullOrItsForm()
    {
        Assert.Equal("""{"date":null,"time":"06:30"}""", JsonSerializer.Serialize(new { date = (LocalDate?)null, time = (LocalTime?)new LocalTime(6, 30) }, JsonConfiguration.Options));
        Assert.Null(JsonSerializer.Deserialize<LocalDate?>("null", JsonConfiguration.Options));
        Assert.Equal(new LocalDate(2003, 5, 15), JsonSerializer.Deserialize<LocalDate?>("\"2003-05-15\"", JsonConfiguration.Options));
    }

    [Fact]
    public void Times_WrittenToTheMinute()
    {
        Assert.Equal("\"07:05\"", JsonSerializer.Serialize(new LocalTime(7, 5, 59), JsonConfiguration.Options));
        Assert.Equal("\"2003-10-26T07:05\"", JsonSerializer.Serialize(new LocalDateTime(2003, 10, 26, 7, 5, 59), JsonConfiguration.Options));
    }

    [Theory]
    [InlineData(2003, 10, 26, 7, 0, 0, "\"2003-10-26T07:00:00-05:00\"")]
    [InlineData(2003, 7, 10, 9, 0, 0, "\"2003-07-10T09:00:00-04:00\"")]
    [InlineData(2003, 10, 26, 1, 30, 0, "\"2003-10-26T01:30:00-04:00\"")]
    [InlineData(2004, 4, 3, 5, 0, 250, "\"2004-04-03T05:00:00.25-05:00\"")]
    public void ZonedDateTime_WrittenAsRfc3339WithItsOffset(int year, int month, int day, int hour, int minute, int milliseconds, string json)
    {
        var value = Hartford.AtLeniently(new LocalDateTime(year, month, day, hour, minute).PlusMilliseconds(milliseconds));

        Assert.Equal(json, JsonSerializer.Serialize(value, JsonConfiguration.Options));
        Assert.Equal(json, JsonSerializer.Serialize((ZonedDateTime?)value, JsonConfiguration.Options));
    }

    [Fact]
    public void ZonedDateTime_InUtc_WrittenWithZ() =>
        Assert.Equal("\"2003-07-10T13:00:00Z\"", JsonSerializer.Serialize(Instant.FromUtc(2003, 7, 10, 13, 0).InUtc(), JsonConfiguration.Options));

    [Theory]
    [InlineData("\"2003-07-10T13:00:00Z\"")]
    [InlineData("\"2003-07-10T13:00:00.25Z\"")]
    [InlineData("\"2004-02-29T23:59:59.123456789Z\"")]
    public void Instant_WrittenAndReadAsIsoUtc(string json)
    {
        var value = JsonSerializer.Deserialize<Instant>(json, JsonConfiguration.Options);

        Assert.Equal(json, JsonSerializer.Serialize(value, JsonConfiguration.Options));
        Assert.Equal(Instant.FromUtc(2003, 7, 10, 13, 0), JsonSerializer.Deserialize<Instant>("\"2003-07-10T13:00:00Z\"", JsonConfiguration.Options));
    }

    [Fact]
    public void JobRun_HistoryTimes_WrittenInHartfordWithTheirOffset()
    {
        var at = Instant.FromUtc(2003, 7, 10, 13, 0).InZone(FieldContracts.Web.Infrastructure.Hartford.Zone);
        var run = new FieldContracts.Web.Features.Jobs.JobRunView("7", "missed-work", "Succeeded", "0 missed", null,
            [new FieldContracts.Web.Features.Jobs.JobRunStateView("Succeeded", at, null, null)]);

        var json = JsonSerializer.SerializeToElement(run, JsonConfiguration.Options);

        Assert.Equal("2003-07-10T09:00:00-04:00", json.GetProperty("history")[0].GetProperty("at").GetString());
    }

    [Theory]
    [InlineData("\"2003-10-26T07:00:00-05:00\"")]
    [InlineData("\"2003-07-10T13:00:00Z\"")]
    [InlineData("\"2003-10-26T07:00:00-05:00 America/New_York\"")]
    public void ZonedDateTime_NotAcceptedAsInput(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ZonedDateTime>(json, JsonConfiguration.Options));

    [Theory]
    [InlineData(typeof(LocalDate), "\"2003-02-30\"")]
    [InlineData(typeof(LocalDate), "\"2003-5-15\"")]
    [InlineData(typeof(LocalDate), "\"05/15/2003\"")]
    [InlineData(typeof(LocalDate), "\"2003-05-15T00:00\"")]
    [InlineData(typeof(LocalDate), "20030515")]
    [InlineData(typeof(LocalDate), "null")]
    [InlineData(typeof(AnnualDate), "\"13-01\"")]
    [InlineData(typeof(AnnualDate), "\"--02-29\"")]
    [InlineData(typeof(AnnualDate), "\"2003-02-28\"")]
    [InlineData(typeof(LocalTime), "\"07:00:00\"")]
    [InlineData(typeof(LocalTime), "\"7:00\"")]
    [InlineData(typeof(LocalTime), "\"24:00\"")]
    [InlineData(typeof(LocalTime), "\"7am\"")]
    [InlineData(typeof(LocalDateTime), "\"2003-10-26 07:00\"")]
    [InlineData(typeof(LocalDateTime), "\"2003-10-26T07:00:00\"")]
    [InlineData(typeof(LocalDateTime), "\"2003-10-26\"")]
    public void NotInItsForm_Refused(Type type, string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type, JsonConfiguration.Options));

    [Theory]
    [InlineData("""{"date":"2003-02-30"}""", "$.date", "Expected a date as yyyy-MM-dd.")]
    [InlineData("""{"date":20030515}""", "$.date", "Expected a date as yyyy-MM-dd.")]
    [InlineData("""{"started":"7am"}""", "$.started", "Expected a time of day as HH:mm.")]
    [InlineData("""{"finished":"17:00:00"}""", "$.finished", "Expected a time of day as HH:mm.")]
    [InlineData("""{"application":{"applicator":{"certificationExpires":"12/31/2004"}}}""", "$.application.applicator.certificationExpires",
        "Expected a date as yyyy-MM-dd.")]
    [InlineData("""{"date":"2003-07-14","heights":[{"after":2},{"after":"tall"}]}""", "$.heights[1].after", "This value is not of the expected type or form.")]
    [InlineData("""{"Date":"July 14"}""", "$.Date", "Expected a date as yyyy-MM-dd.")]
    [InlineData("""{"dat":"2003-07-14"}""", "$.dat", "This request has no such member: check its spelling against the API's description.")]
    [InlineData("""{"date":"2003-07-14""", "$.date", "This value is not of the expected type or form.")]
    public async Task Visit_ValueNotInItsForm_400NamesTheFieldAndTheForm(string body, string field, string message)
    {
        var errors = await ErrorsAsync<VisitRequest>(body);

        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
    }

    [Theory]
    [InlineData("""{"sentAt":"2003-07-09 05:30"}""", "$.sentAt", "Expected a local date and time as yyyy-MM-ddTHH:mm.")]
    [InlineData("""{"sentAt":"2003-07-09T05:30:00-04:00"}""", "$.sentAt", "Expected a local date and time as yyyy-MM-ddTHH:mm.")]
    [InlineData("""{"applicationDate":"2003-07-10T05:30"}""", "$.applicationDate", "Expected a date as yyyy-MM-dd.")]
    public async Task Notice_ValueNotInItsForm_400NamesTheFieldAndTheForm(string body, string field, string message)
    {
        var errors = await ErrorsAsync<NoticeRequest>(body);

        Assert.Equal([message], errors[field]);
    }

    private static async Task<IDictionary<string, string[]>> ErrorsAsync<T>(string body)
        where T : class
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));

        var (value, problem) = await JsonBody.ReadAsync<T>(context.Request, CancellationToken.None);

        Assert.Null(value);
        var validation = Assert.IsType<ValidationProblem>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, validation.StatusCode);
        return validation.ProblemDetails.Errors;
    }
}
