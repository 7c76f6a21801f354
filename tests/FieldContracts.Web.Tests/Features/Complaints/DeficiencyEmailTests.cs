using FieldContracts.Data;
using FieldContracts.Web.Tests.Features.Notices;
using static FieldContracts.Web.Tests.Features.Complaints.Evidence;

namespace FieldContracts.Web.Tests.Features.Complaints;

/// <summary>
/// The email telling the contractor of a complaint reaches a real SMTP server (on loopback) once the outbox is delivered:
/// one message to each contact address, naming the contract, school, what was found and the response due date, and
/// never a second time.
/// </summary>
public abstract class DeficiencyEmailTests(DatabaseProvider provider)
{
    [Fact]
    public async Task FileComplaint_ThenDeliverTwice_EachContractorAddressGetsOneEmail()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var director = await app.SignedInAsync(Roles.AthleticDirector);

        var filed = await director.PostAsync("/api/contracts/2685/complaints",
            Json(new { school = "BHS", text = "Infield not dragged before Saturday's game." }));
        var id = (await BodyAsync(filed)).GetProperty("id").GetGuid();
        var delivered = await app.DeliverAsync();
        var again = await app.DeliverAsync();

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal(2, delivered.Sent);
        Assert.Equal(0, again.Sent);
        var mails = app.Smtp.Messages().Where(m => m.Subject.StartsWith("Contract #2685: Complaint", StringComparison.Ordinal)).ToList();
        Assert.Equal(["crew@contractor.example", "office@contractor.example"], mails.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
        Assert.All(mails, mail =>
        {
            Assert.Equal("Contract #2685: Complaint at Bulkeley High School, response due Jul 15, 2003", mail.Subject);
            Assert.Contains("A deficiency was raised on contract #2685, Athletic Fields; Maintenance Of.", mail.Text, StringComparison.Ordinal);
            Assert.Contains("School: Bulkeley High School", mail.Text, StringComparison.Ordinal);
            Assert.Contains("Complaint about Bulkeley High School: Infield not dragged before Saturday's game.", mail.Text, StringComparison.Ordinal);
            Assert.Contains("Response due: Tuesday, July 15, 2003", mail.Text, StringComparison.Ordinal);
            Assert.Contains($"/contracts/2685/deficiencies#d-{id}", mail.Text, StringComparison.Ordinal);
        });
    }
}

public sealed class DeficiencyEmailTests_Sqlite() : DeficiencyEmailTests(DatabaseProvider.Sqlite);

public sealed class DeficiencyEmailTests_Postgres() : DeficiencyEmailTests(DatabaseProvider.PostgreSql);
