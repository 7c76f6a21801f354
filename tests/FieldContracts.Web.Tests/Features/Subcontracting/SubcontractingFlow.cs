using System.Text.Json;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Subcontracting;

/// <summary>
/// What the sub-contracting tests share: #2685's sub-contracting API, the contract's setting (the demo's #2685 follows the
/// scope note, "Sub-contracting will not be permitted."; a test that asks for approval sets spec VI's prior approval),
/// and the bid's two passages.
/// </summary>
internal static class SubcontractingFlow
{
    public const string Api = "/api/contracts/2685/subcontracting";

    public const string ScopeNote = "Sub-contracting will not be permitted.";

    public const string SpecVI = "All subcontracting must have prior approval of the Purchasing Agents. Bidders are to submit a list of all "
        + "subcontractors and what work they would perform under this contract.";

    /// <summary>Sets the contract's sub-contracting policy, every other setting as it was.</summary>
    public static async Task SetPolicyAsync(TestApp app, string number, SubcontractingPolicy policy)
    {
        await using var db = app.Database.CreateContext();
        var contract = await db.Contracts.SingleAsync(c => c.Number == number);
        var s = contract.Settings;
        if (s.Subcontracting != policy)
        {
            contract.ChangeSettings(new ContractSettings(policy, s.ChemicalNoticeLeadTime, s.MowingCadenceDays, s.CrewsPerDay, s.ReEntryBuffer,
                s.WorkCalendar, s.ResponseDays));
            await db.SaveChangesAsync();
        }
    }

    public static Task PriorApprovalAsync(TestApp app) => SetPolicyAsync(app, "2685", SubcontractingPolicy.PriorApprovalRequired);

    public static Task<HttpResponseMessage> AskAsync(HttpClient crew, string name, params string[] items) =>
        PostAsync(crew, $"{Api}/requests", new { name, address = "12 Park Street, Hartford, CT 06106", contact = "860-555-0142", items });

    /// <summary>The contractor asks for <paramref name="name"/> and the items; returns the pending request's id.</summary>
    public static async Task<Guid> AskedAsync(HttpClient crew, string name, params string[] items)
    {
        var asked = await ExpectAsync(await AskAsync(crew, name, items), HttpStatusCode.OK);
        Assert.Equal("Pending", asked.GetProperty("status").GetString());
        return asked.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> ApproveRequestAsync(HttpClient client, Guid id, string? note = null) =>
        PostAsync(client, $"{Api}/requests/{id}/approve", new { note });

    public static Task<HttpResponseMessage> RefuseRequestAsync(HttpClient client, Guid id, string? reason) =>
        PostAsync(client, $"{Api}/requests/{id}/refuse", new { reason });

    public static Task<HttpResponseMessage> WithdrawRequestAsync(HttpClient client, Guid id) => client.PostAsync($"{Api}/requests/{id}/withdraw", null);

    /// <summary>One request as the GET answers it.</summary>
    public static async Task<JsonElement> RequestAsync(HttpClient client, Guid id) =>
        (await GetJsonAsync(client, Api)).GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);

    public static string StatusOf(JsonElement request) => request.GetProperty("status").GetString()!;

    /// <summary>The stored status of a request, read from the database.</summary>
    public static async Task<string> StoredStatusAsync(TestApp app, Guid id)
    {
        await using var db = app.Database.CreateContext();
        return (await db.SubcontractRequests.AsNoTracking().SingleAsync(r => r.Id == id)).Status.ToString();
    }
}
