using System.Text.Json;
using System.Text.RegularExpressions;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Licences;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;

namespace FieldContracts.Web.Tests.Features.WorkLogs;

/// <summary>
/// The work log picks the applicator and supervisor from the licence register (spec V) and refuses an application the
/// register does not license on its day; work named as a sub-contractor's needs Purchasing's prior approval (spec VI).
/// </summary>
public abstract class WorkLogRegisterTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    private async Task<Guid> LicenceAsync(string holder, LicenceKind kind, string category, string number, LocalDate expires)
    {
        await using var db = app.Database.CreateContext();
        var contractorId = await db.Contracts.Where(c => c.Number == "2685").Select(c => c.ContractorId).SingleAsync();
        var licence = Licence.Enter(LicenceHolder.Person(holder), kind, category, number, "CT DEEP", new LocalDate(2001, 1, 1), expires).Licence!;
        var row = new LicenceRecord
        {
            Id = Guid.CreateVersion7(), ContractorId = contractorId, Holder = licence.Holder.Name, Kind = licence.Kind, Category = licence.Category,
            Number = licence.Number, Issuer = licence.Issuer, IssuedOn = licence.IssuedOn, ExpiresOn = licence.ExpiresOn,
            ReminderEmail = "office@contractor.example", AddedBy = "test", AddedAt = app.Clock.GetCurrentInstant(),
        };
        db.Licences.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<Guid> SampleSupervisorAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Licences.Where(l => l.Holder == "Pat Rivera (sample)" && l.Kind == LicenceKind.PesticideSupervisory).Select(l => l.Id).SingleAsync();
    }

    /// <summary>The application record with both people picked from the register (the typed fields left out).</summary>
    private static object Picked(Guid area, Guid supervisorLicence, Guid applicatorLicence) => new
    {
        product = "Trimec Classic (sample product)",
        epaRegistrationNumber = "2217-543",
        activeIngredient = "2,4-D, mecoprop-p, dicamba",
        rate = "1.5 fl oz per 1,000 sq ft",
        amount = 12.5m,
        amountUnit = "gal",
        areaIds = new[] { area },
        targetPest = "Dandelion, clover, plantain",
        supervisor = new { licenceId = supervisorLicence },
        applicator = new { licenceId = applicatorLicence },
        windMph = 4,
        windDirection = "SW",
        temperatureF = 71,
        signsPosted = true,
    };

    /// <summary>Broadleaf weed control at a school, noticed the day before; the clock at noon of its planned day.</summary>
    private async Task<(OccurrenceRecord Broadleaf, LocalDate Day, HttpClient Crew)> NoticedBroadleafAsync(string site,
        string task = Specification2685.Broadleaf)
    {
        var broadleaf = await _f.OccurrenceAsync(task, site);
        var day = broadleaf.PlannedDate!.Value;
        var crew = await _f.CrewAsync();
        var eve = day.PlusDays(-1);
        _f.Now(eve.Month, eve.Day, 5, 30);
        Assert.Equal(HttpStatusCode.OK, (await RecordNoticeAsync(crew, broadleaf.Id, $"{eve:yyyy-MM-dd}T05:00", $"{day:yyyy-MM-dd}")).StatusCode);
        _f.Now(day.Month, day.Day, 12);
        return (broadleaf, day, crew);
    }

    [Fact]
    public async Task Application_ApplicatorLicenceExpiredTheDayBefore_RefusedNamingPersonAndLicence_NothingSaved()
    {
        var (broadleaf, day, crew) = await NoticedBroadleafAsync("HPHS");
        var expired = await LicenceAsync("Lee Chen", LicenceKind.PesticideOperator, "3A turf", "O-3A-81001", day.PlusDays(-1));
        var area = await _f.AreaAsync("HPHS", "Baseball outfield");
        var before = await _f.CountsAsync();

        var response = await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, day, Picked(area, await SampleSupervisorAsync(), expired))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        var message = Assert.Single(errors.EnumerateObject()).Value[0].GetString();
        Assert.Equal("application.applicator.licenceId", errors.EnumerateObject().Single().Name);
        Assert.Equal($"Applicator Lee Chen: operator certification O-3A-81001 (3A turf) expired on {Short(day.PlusDays(-1))}; " +
                     $"the application was on {Short(day)}. Spec V requires proper licences.", message);
        Assert.Equal(before, await _f.CountsAsync());
        Assert.Null((await _f.ReloadAsync(broadleaf.Id)).LoggedOn);
    }

    [Fact]
    public async Task Application_OnTheLicencesExpiryDay_AcceptedWithTheRegistersNumber()
    {
        var (broadleaf, day, crew) = await NoticedBroadleafAsync("WHS");
        var lastDay = await LicenceAsync("Dana Ortiz", LicenceKind.PesticideOperator, "3A turf", "O-3A-81002", day);

        var response = await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, day,
            Picked(await _f.AreaAsync("WHS", "Football field"), await SampleSupervisorAsync(), lastDay))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var log = await BodyAsync(response);
        Assert.DoesNotContain("LicenceExpired", Kinds(log));
        var applicator = log.GetProperty("versions")[0].GetProperty("application").GetProperty("applicator");
        Assert.Equal("Dana Ortiz", applicator.GetProperty("name").GetString());
        Assert.Equal("O-3A-81002", applicator.GetProperty("certificationNumber").GetString());
        Assert.Equal(lastDay.ToString(), applicator.GetProperty("licenceId").GetString());
        var supervisor = log.GetProperty("versions")[0].GetProperty("application").GetProperty("supervisor");
        Assert.Equal("S-SAMPLE-3A-1001", supervisor.GetProperty("certificationNumber").GetString());
    }

    [Fact]
    public async Task Application_ApplicatorCertifiedInAnotherCategory_Refused()
    {
        var (broadleaf, day, crew) = await NoticedBroadleafAsync("BHS");
        var ornamentals = await LicenceAsync("Kim Park", LicenceKind.PesticideOperator, "3B ornamentals", "O-3B-81003", new LocalDate(2004, 12, 31));
        var before = await _f.CountsAsync();

        var response = await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, day,
            Picked(await _f.AreaAsync("BHS", "Softball outfield"), await SampleSupervisorAsync(), ornamentals))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Applicator Kim Park: operator certification O-3B-81003 (3B ornamentals) is in category 3B ornamentals; this application needs category 3A.",
            (await BodyAsync(response)).GetProperty("errors").GetProperty("application.applicator.licenceId")[0].GetString());
        Assert.Equal(before, await _f.CountsAsync());
    }

    [Fact]
    public async Task PhoneForm_PrefilledWithTheCrewsLastPicks()
    {
        var (broadleaf, day, crew) = await NoticedBroadleafAsync("HPHS", Specification2685.VegetationControl);
        var applicator = await LicenceAsync("Robin Lake", LicenceKind.PesticideOperator, "3A turf", "O-3A-81004", new LocalDate(2004, 12, 31));
        var supervisor = await SampleSupervisorAsync();
        var first = await crew.GetStringAsync($"/worklogs/new?occurrence={broadleaf.Id}");
        Assert.DoesNotMatch(new Regex($"value=\"{applicator}\" selected"), first);

        Assert.Equal(HttpStatusCode.Created, (await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, day,
            Picked(await _f.AreaAsync("HPHS", "Baseball outfield"), supervisor, applicator))))).StatusCode);

        var next = await _f.OccurrenceAsync(Specification2685.Broadleaf, "WHS", year: 2004);
        var page = await crew.GetStringAsync($"/worklogs/new?occurrence={next.Id}");
        Assert.Matches(new Regex($"<option value=\"{applicator}\" selected=\"selected\">Robin Lake"), page);
        Assert.Matches(new Regex($"<option value=\"{supervisor}\" selected=\"selected\">Pat Rivera \\(sample\\)"), page);
    }

    private async Task<Guid> SetPolicyAsync(SubcontractingPolicy policy)
    {
        await using var db = app.Database.CreateContext();
        var contract = await db.Contracts.SingleAsync(c => c.Number == "2685");
        var s = contract.Settings;
        contract.ChangeSettings(new ContractSettings(policy, s.ChemicalNoticeLeadTime, s.MowingCadenceDays, s.CrewsPerDay, s.ReEntryBuffer,
            s.WorkCalendar, s.ResponseDays));
        await db.SaveChangesAsync();
        return contract.Id;
    }

    private async Task ApproveAsync(Guid contractId, string name, string[] items, LocalDate requestedOn, LocalDate? approvedOn)
    {
        await using var db = app.Database.CreateContext();
        var (request, refusals) = SubcontractRequest.Request(contractId, SubcontractingPolicy.PriorApprovalRequired,
            new Subcontractor(name, "12 Test Street, Hartford, CT"), items, Party.Contractor, requestedOn, "crew@contractor.example");
        Assert.Empty(refusals);
        if (approvedOn is { } on)
        {
            Assert.Null(request!.Approve(SubcontractingPolicy.PriorApprovalRequired, Party.Purchasing, "purchasing@hartford.example", on));
        }

        db.SubcontractRequests.Add(request!);
        await db.SaveChangesAsync();
    }

    private static object ByMowing(Guid occurrence, LocalDate day, Guid area, string? subcontractor) => new
    {
        idempotencyKey = Guid.NewGuid().ToString(),
        occurrenceIds = new[] { occurrence },
        date = day.ToString("yyyy-MM-dd", null),
        started = "07:00",
        finished = "09:30",
        crew = new[] { "Sam Ortiz" },
        heights = new[] { Height(area, 2.25m) },
        subcontractor,
    };

    [Fact]
    public async Task Subcontractor_UnapprovedRefused_ApprovedForItsItemAfterApprovalAccepted_BeforeRefused_NotPermittedQuotesTheBid()
    {
        var contractId = await SetPolicyAsync(SubcontractingPolicy.PriorApprovalRequired);
        var early = await _f.MowingAsync("WHS", new LocalDate(2003, 7, 14));
        var late = await _f.MowingAsync("WHS", early.PlannedDate!.Value.PlusDays(1));
        var approvedOn = late.PlannedDate!.Value;
        _f.Now(approvedOn.Month, approvedOn.Day, 18);
        var area = await _f.AreaAsync("WHS", "Football field");
        var crew = await _f.CrewAsync();
        await ApproveAsync(contractId, "Green Acres Mowing (test)", [early.ItemReference, late.ItemReference], new LocalDate(2003, 7, 1), approvedOn);
        await ApproveAsync(contractId, "Pending Turf (test)", [early.ItemReference, late.ItemReference], new LocalDate(2003, 7, 1), null);
        var before = await _f.CountsAsync();

        async Task<string> RefusedAsync(object body)
        {
            var response = await crew.PostAsync("/api/worklogs", Json(body));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            return (await BodyAsync(response)).GetProperty("detail").GetString()!;
        }

        Assert.Equal("Pending Turf (test) has no approval from Purchasing on this contract. The bid: \"All subcontracting must have prior approval of the Purchasing Agents.\"",
            await RefusedAsync(ByMowing(late.Id, approvedOn, area, "Pending Turf (test)")));
        Assert.Contains("has no approval", await RefusedAsync(ByMowing(late.Id, approvedOn, area, "Nobody Asked Ltd")));
        Assert.Contains($"({early.ItemReference}) on {Short(approvedOn)}; work on {Short(early.PlannedDate!.Value)} comes before that approval",
            await RefusedAsync(ByMowing(early.Id, early.PlannedDate!.Value, area, "Green Acres Mowing (test)")));
        Assert.Equal(before, await _f.CountsAsync());

        var accepted = await crew.PostAsync("/api/worklogs", Json(ByMowing(late.Id, approvedOn, area, " green acres mowing (test) ")));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var log = await BodyAsync(accepted);
        Assert.Equal("Green Acres Mowing (test)", log.GetProperty("versions")[0].GetProperty("subcontractor").GetString());
        var details = await (await _f.DirectorAsync()).GetStringAsync($"/worklogs/{log.GetProperty("id").GetString()}");
        Assert.Contains("Green Acres Mowing (test) (approved by Purchasing)", details);

        await SetPolicyAsync(SubcontractingPolicy.NotPermitted);
        var next = await _f.MowingAsync("WHS", approvedOn.PlusDays(1));
        _f.Now(next.PlannedDate!.Value.Month, next.PlannedDate!.Value.Day, 18);
        var afterAccepted = await _f.CountsAsync();
        Assert.Equal("This contract does not permit sub-contracting. The bid: \"Sub-contracting will not be permitted.\"",
            await RefusedAsync(ByMowing(next.Id, next.PlannedDate!.Value, area, "Green Acres Mowing (test)")));
        Assert.Equal(afterAccepted, await _f.CountsAsync());
        Assert.Equal(HttpStatusCode.Created, (await crew.PostAsync("/api/worklogs", Json(ByMowing(next.Id, next.PlannedDate!.Value, area, null)))).StatusCode);
    }

    private static string Short(LocalDate day) => day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class WorkLogRegisterTests_Sqlite(SqliteApp app) : WorkLogRegisterTests(app), IClassFixture<SqliteApp>;

public sealed class WorkLogRegisterTests_Postgres(PostgresApp app) : WorkLogRegisterTests(app), IClassFixture<PostgresApp>;
