using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Serialization.SystemTextJson;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>What the performance-case tests share: #2685's register as of July 10, 2003, the clock, and the API's steps.</summary>
internal static class CaseFlow
{
    public static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Puts the application's clock at 9:00 on <paramref name="day"/>, Hartford time.</summary>
    public static void SetToday(TestApp app, LocalDate day) => app.Clock.Reset(day.At(new LocalTime(9, 0)).InZoneStrictly(Hartford).ToInstant());

    /// <summary>Runs the nightly pass on July 10, 2003 and returns <paramref name="count"/> missed-work deficiencies of #2685.</summary>
    public static async Task<IReadOnlyList<Guid>> MissedWorkAsync(TestApp app, int count)
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(new LocalDate(2003, 7, 10), CancellationToken.None);
        }

        await using var db = app.Database.CreateContext();
        return await db.Deficiencies
            .Where(d => d.Kind == DeficiencyKind.MissedWork && d.Status == DeficiencyStatus.Open
                        && db.Contracts.Any(c => c.Id == d.ContractId && c.Number == "2685"))
            .OrderBy(d => d.DedupKey).Select(d => d.Id).Take(count).ToListAsync();
    }

    /// <summary>Requests as the API reads them: dates as "yyyy-MM-dd".</summary>
    private static readonly JsonSerializerOptions Json =
        new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) =>
        client.PostAsync(path, new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"));

    public static async Task<Guid> OpenAsync(HttpClient purchasing, IReadOnlyList<Guid> deficiencies)
    {
        var response = await PostAsync(purchasing, "/api/contracts/2685/cases",
            new { deficiencyIds = deficiencies, text = "Mowing missed at Weaver and Bulkeley three weeks running (special instruction 7)." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid caseId, string step, object body) =>
        PostAsync(client, $"/api/contracts/2685/cases/{caseId}/{step}", body);

    /// <summary>The case's status and how many steps it has, read from the database.</summary>
    public static async Task<(string Status, int Steps)> StateAsync(TestApp app, Guid caseId)
    {
        await using var db = app.Database.CreateContext();
        var found = await db.PerformanceCases.AsNoTracking().Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        return (found.Status.ToString(), found.Steps.Count);
    }

    /// <summary>The text of a PDF, its pages joined and its white space made single spaces.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
