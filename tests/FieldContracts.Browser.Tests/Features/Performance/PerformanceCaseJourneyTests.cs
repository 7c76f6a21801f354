using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Performance;

/// <summary>
/// Special instruction 7 in the browser on #2685: the Athletic Director files a complaint with a photo from a phone on
/// July 10, 2003; Purchasing opens a case on it, schedules and holds the meeting, sets a remedial period of July 15–29
/// and sends the cure notice; the crew leader answers and submits the cure with a photo on a phone; the Athletic
/// Director, on a phone, verifies it and the case closes as cured.
/// </summary>
public abstract class PerformanceCaseJourneyTests(BrowserApp app)
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public async Task DirectorComplainsOnAPhone_PurchasingRunsTheCase_CrewSubmitsTheCure_DirectorVerifiesIt()
    {
        const string Complaint = "Weaver's softball infield has not been dragged or lined for two weeks.";
        Now(new LocalDateTime(2003, 7, 10, 9, 0));
        var complainant = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(complainant, async () =>
        {
            await BrowserApp.SignInAsync(complainant, TestApp.EmailOf(Roles.AthleticDirector));
            await complainant.GotoAsync("/contracts/2685/complaints/new");
            await complainant.GetByLabel("School").SelectOptionAsync(new SelectOptionValue { Label = "Weaver High School" });
            await complainant.GetByTestId("areas-WHS").Locator("input[type=checkbox]").First.CheckAsync();
            await complainant.GetByLabel("What is wrong").FillAsync(Complaint);
            await complainant.Locator("input[name=Photos]").SetInputFilesAsync(new FilePayload
            {
                Name = "weaver-infield.png", MimeType = "image/png", Buffer = Png(),
            });
            await complainant.GetByRole(AriaRole.Button, new() { Name = "File the complaint" }).ClickAsync();
            await Expect(complainant.Locator("main")).ToContainTextAsync(Complaint);
            var width = await complainant.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"The register is {width}px wide on a 375px phone.");
        });

        string caseUrl = "";
        var purchasing = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(purchasing, async () =>
        {
            await BrowserApp.SignInAsync(purchasing, TestApp.EmailOf(Roles.Purchasing));
            await purchasing.GotoAsync("/contracts/2685/cases");
            await Expect(purchasing.GetByTestId("watch")).ToContainTextAsync("Watch");
            await purchasing.Locator("label", new() { HasText = Complaint }).Locator("input[name='DeficiencyIds']").CheckAsync();
            await purchasing.GetByLabel("Why (the complaints, the repeated failure)").FillAsync("The Athletic Director's complaint about Weaver's infield.");
            await purchasing.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
            await Expect(purchasing.GetByTestId("case-status")).ToHaveTextAsync("Opened");
            caseUrl = new Uri(purchasing.Url).AbsolutePath;

            var meeting = purchasing.GetByTestId("form-ScheduleMeeting");
            await meeting.GetByLabel("Day of the meeting").FillAsync("2003-07-14");
            await meeting.GetByLabel("Place").FillAsync("City Hall, 550 Main Street, Room 200");
            await meeting.GetByLabel("Attendees, one a line").FillAsync("Purchasing agent\nDirector of Athletics\nSam Crew");
            await meeting.GetByLabel("The City's words").FillAsync("You are invited to respond to the complaints below.");
            await meeting.Locator("button[type=submit]").ClickAsync();
            await Expect(purchasing.GetByTestId("case-status")).ToHaveTextAsync("Meeting scheduled (7 A)");
            await Expect(purchasing.GetByTestId("step-ScheduleMeeting").GetByTestId("document")).ToContainTextAsync("meeting-invitation");

            Now(new LocalDateTime(2003, 7, 14, 15, 0));
            await purchasing.ReloadAsync();
            var held = purchasing.GetByTestId("form-HoldMeeting");
            await held.GetByLabel("Minutes", new() { Exact = true }).FillAsync("Heard on each missed mowing.");
            await held.GetByLabel("The contractor's response").FillAsync("A mower was down; a second crew from Tuesday.");
            await held.GetByLabel("The City's words").FillAsync("Held as scheduled.");
            await held.Locator("button[type=submit]").ClickAsync();
            await Expect(purchasing.GetByTestId("case-status")).ToHaveTextAsync("Meeting held (7 A)");

            // A period that ends before it starts is refused next to the field, and what was typed stays.
            var period = purchasing.GetByTestId("form-SetRemedialPeriod");
            await period.GetByLabel("First day").FillAsync("2003-07-29");
            await period.GetByLabel("Last day (included)").FillAsync("2003-07-15");
            await period.GetByLabel("Cured means").First.FillAsync("Infield dragged and lined before each scheduled game.");
            await period.GetByLabel("The City's words").FillAsync("Fifteen days to cure.");
            await period.Locator("button[type=submit]").ClickAsync();
            period = purchasing.GetByTestId("form-SetRemedialPeriod");
            await Expect(period.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot end");
            await Expect(period.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Last day (included)" })).ToBeVisibleAsync();
            await Expect(period.GetByLabel("Last day (included)")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(period.GetByLabel("The City's words")).ToHaveValueAsync("Fifteen days to cure.");
            await period.GetByLabel("First day").FillAsync("2003-07-15");
            await period.GetByLabel("Last day (included)").FillAsync("2003-07-29");
            await period.Locator("button[type=submit]").ClickAsync();
            await Expect(purchasing.GetByTestId("case-status")).ToHaveTextAsync("Remedial period set, notice not sent (7 B)");

            var notice = purchasing.GetByTestId("form-SendCureNotice");
            await notice.GetByLabel("The City's words").FillAsync("Cure notice under special instruction 7 B.");
            await notice.Locator("button[type=submit]").ClickAsync();
            await Expect(purchasing.GetByTestId("case-status")).ToHaveTextAsync("Remedial period running (7 B)");
            await Expect(purchasing.GetByTestId("step-SendCureNotice").GetByTestId("deliveries")).ToContainTextAsync("crew@contractor.example");
        });

        var crew = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(crew, async () =>
        {
            Now(new LocalDateTime(2003, 7, 21, 16, 0));
            await BrowserApp.SignInAsync(crew, TestApp.EmailOf(Roles.Contractor));
            await crew.GotoAsync(caseUrl);
            var respond = crew.GetByTestId("form-Respond");
            await respond.GetByLabel("Your response").FillAsync("Received; the second crew is on site.");
            await respond.Locator("button[type=submit]").ClickAsync();
            await Expect(crew.GetByTestId("step-Respond")).ToContainTextAsync("second crew");

            var cure = crew.GetByTestId("form-SubmitCure");
            await cure.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "weaver-infield-groomed.png", MimeType = "image/png", Buffer = Png(),
            });
            await cure.GetByLabel("What was done, and when").FillAsync("Infield dragged and lined on July 21; photo attached.");
            await cure.Locator("button[type=submit]").ClickAsync();
            await Expect(crew.GetByTestId("step-SubmitCure").GetByTestId("document")).ToContainTextAsync("weaver-infield-groomed.png");
            Assert.Equal(0, await crew.GetByTestId("form-VerifyCure").CountAsync());
            var width = await crew.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"The case is {width}px wide on a 375px phone.");
        });

        var director = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(director, async () =>
        {
            Now(new LocalDateTime(2003, 7, 22, 8, 0));
            await BrowserApp.SignInAsync(director, TestApp.EmailOf(Roles.AthleticDirector));
            await director.GotoAsync(caseUrl);
            var verify = director.GetByTestId("form-VerifyCure");
            await verify.GetByLabel("Inspected on").FillAsync("2003-07-22");
            await verify.GetByLabel("Cured, to the City's satisfaction").CheckAsync();
            await verify.GetByLabel("What was seen").FillAsync("Seen dragged and lined before the July 22 game.");
            await verify.Locator("button[type=submit]").ClickAsync();
            await Expect(director.GetByTestId("case-status")).ToHaveTextAsync("Closed: cured");
            await Expect(director.GetByTestId("case-deficiencies").GetByTestId("verdict").First).ToContainTextAsync("Cured (inspected Jul 22, 2003)");
        });
    }

    private void Now(LocalDateTime local) => app.Clock.Reset(local.InZoneStrictly(Hartford).ToInstant());

    /// <summary>A 1×1 PNG: a photo's bytes as far as the document store can tell.</summary>
    private static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

public sealed class PerformanceCaseJourneyTests_Sqlite(SqliteBrowserApp app) : PerformanceCaseJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class PerformanceCaseJourneyTests_Postgres(PostgresBrowserApp app) : PerformanceCaseJourneyTests(app), IClassFixture<PostgresBrowserApp>;
