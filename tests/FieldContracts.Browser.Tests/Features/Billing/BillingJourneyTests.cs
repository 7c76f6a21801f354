using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Billing;

/// <summary>
/// Special instruction 12 in the browser on #2685: on a phone the crew leader logs two mowing visits at Weaver in July
/// 2003 and the Athletic Director verifies them; on August 4 the crew leader, on a phone, reviews and submits July's
/// installment (period 3), the two visits on it at the bid schedule's $385.00 a visit; the Athletic Director certifies the
/// services received; Finance, from its queue, approves it (due 45 days later, September 18) and downloads the
/// invoice as PDF and the contract's invoices as CSV, whose rows for 2685-03 add up to the net on the page.
/// </summary>
public abstract class BillingJourneyTests(BrowserApp app)
{
    private const decimal PerVisit = 385.00m;
    private const string Note = "July 2003: two mowings at Weaver, both verified.";
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public async Task CrewLogsMowingInJuly_DirectorVerifies_CrewSubmitsJuly_DirectorCertifies_FinanceApprovesAndDownloads()
    {
        // Two of Weaver's planned mowings in July 2003, on different days.
        var mowings = await JulyMowingsAsync("WHS", 2);
        var crew = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(crew, async () =>
        {
            await BrowserApp.SignInAsync(crew, TestApp.EmailOf(Roles.Contractor));
            foreach (var mowing in mowings)
            {
                var day = mowing.PlannedDate!.Value;
                Now(day.At(new LocalTime(15, 0)));
                await crew.GotoAsync("/worklogs");
                await crew.GetByTestId($"work-{mowing.Id}").GetByRole(AriaRole.Link, new() { Name = "Log" }).ClickAsync();
                await Expect(crew.GetByLabel("Day", new() { Exact = true })).ToHaveValueAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await crew.GetByLabel("Start", new() { Exact = true }).FillAsync("07:00");
                await crew.GetByLabel("Finish", new() { Exact = true }).FillAsync("10:30");
                await crew.GetByLabel("Crew (one name a line, crew leader first)").FillAsync("Dana Rivera\nSam Ortiz");
                await FillHeightsAsync(crew);
                await crew.GetByRole(AriaRole.Button, new() { Name = "Log visit" }).ClickAsync();
                await Expect(crew.GetByTestId("status")).ToContainTextAsync("Submitted");
                await Expect(crew.GetByTestId("heights")).ToBeVisibleAsync();
            }
        });

        var director = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(director, async () =>
        {
            Now(new LocalDateTime(2003, 7, 31, 16, 0));
            await BrowserApp.SignInAsync(director, TestApp.EmailOf(Roles.AthleticDirector));
            await director.GotoAsync("/worklogs/review");
            var awaiting = director.GetByTestId("awaiting").Locator("tbody tr");
            await Expect(awaiting).ToHaveCountAsync(mowings.Count);
            for (var i = 0; i < mowings.Count; i++)
            {
                await awaiting.First.GetByRole(AriaRole.Link).ClickAsync();
                await director.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
                await Expect(director.GetByTestId("status")).ToHaveTextAsync("Verified");
                await director.GotoAsync("/worklogs/review");
            }

            await Expect(director.GetByTestId("awaiting")).ToHaveCountAsync(0);
        });

        // August 4, 2003: July has ended and June's invoice (period 2) is certified, so July's may be submitted.
        Now(new LocalDateTime(2003, 8, 4, 10, 0));
        var visits = mowings.Count;
        var mowingAmount = Dollars(visits * PerVisit);
        var invoiceUrl = "";
        crew = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(crew, async () =>
        {
            await BrowserApp.SignInAsync(crew, TestApp.EmailOf(Roles.Contractor));
            await crew.GotoAsync("/contracts/2685/billing");
            var periods = crew.GetByTestId("periods");
            await Expect(periods.Locator("tr[data-period='1']")).ToContainTextAsync("Awaiting approval");
            await Expect(periods.Locator("tr[data-period='2']")).ToContainTextAsync("Awaiting approval");
            await Expect(periods.Locator("tr[data-period='3']")).ToContainTextAsync("Ready to submit");
            await AssertFitsAPhoneAsync(crew, "The billing page");
            await Snapshot(crew, "1-crew-billing-phone");

            await crew.GetByTestId("review-3").ClickAsync();
            await Expect(crew).ToHaveURLAsync(new Regex("/contracts/2685/billing/3$"));
            await Expect(crew.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invoice 2685-03, drawn up");
            var mowing = crew.GetByTestId("invoice-lines").Locator("tbody tr", new() { HasText = "Mowing, per visit" });
            await Expect(mowing).ToHaveCountAsync(1);
            await Expect(mowing.Locator("td[data-label='School']")).ToHaveTextAsync("WHS");
            await Expect(mowing.Locator("td[data-label='Qty']")).ToHaveTextAsync(visits.ToString(CultureInfo.InvariantCulture));
            await Expect(mowing.Locator("td[data-label='Unit price']")).ToHaveTextAsync("$385.00");
            await Expect(mowing.Locator("td[data-label='Amount']")).ToHaveTextAsync(mowingAmount);
            await AssertFitsAPhoneAsync(crew, "The drawn-up installment");
            await Snapshot(crew, "2-crew-draft-phone");

            var submit = crew.GetByTestId("submit-form");
            await submit.GetByLabel("Note to the City (optional)").FillAsync(Note);
            await submit.Locator("button[type=submit]").ClickAsync();
            await Expect(crew).ToHaveURLAsync(new Regex("/contracts/2685/invoices/[0-9a-f-]{36}$"));
            await Expect(crew.GetByTestId("status")).ToContainTextAsync("Awaiting certification");
            await Expect(crew.Locator("main")).ToContainTextAsync(Note);
            await Snapshot(crew, "3-crew-submitted-phone");
            invoiceUrl = new Uri(crew.Url).AbsolutePath;
        });

        director = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(director, async () =>
        {
            await BrowserApp.SignInAsync(director, TestApp.EmailOf(Roles.AthleticDirector));
            await director.GotoAsync(invoiceUrl);
            await Expect(director.GetByTestId("status")).ToContainTextAsync("Awaiting certification");
            var certify = director.GetByTestId("certify-form");
            await Expect(certify.Locator("tbody tr", new() { HasText = "Mowing, per visit" }).Locator("td[data-label='Amount']"))
                .ToHaveTextAsync(mowingAmount);
            await Snapshot(director, "4-director-certify-desktop");
            await certify.GetByRole(AriaRole.Button, new() { Name = "Certify services received" }).ClickAsync();
            await Expect(director.GetByTestId("status")).ToContainTextAsync("Awaiting approval");
            await Expect(director.GetByTestId("certify-form")).ToHaveCountAsync(0);
        });

        var finance = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(finance, async () =>
        {
            await BrowserApp.SignInAsync(finance, TestApp.EmailOf(Roles.Finance));
            // Finance lands on its home page, and its queue is one link away.
            await Expect(finance).ToHaveURLAsync(new Regex("/$"));
            await finance.GotoAsync("/finance");
            var queued = finance.GetByTestId("awaiting").GetByRole(AriaRole.Link, new() { Name = "2685-03" });
            await Expect(queued).ToBeVisibleAsync();
            await Snapshot(finance, "5-finance-queue-desktop");
            await queued.ClickAsync();
            await Expect(finance).ToHaveURLAsync(new Regex(Regex.Escape(invoiceUrl) + "$"));
            await Expect(finance.GetByTestId("status")).ToContainTextAsync("Awaiting approval");

            await finance.GetByTestId("approve-form").Locator("button[type=submit]").ClickAsync();
            await Expect(finance.GetByTestId("status")).ToContainTextAsync("Approved, payment due");
            await Expect(finance.GetByTestId("status")).ToContainTextAsync("Payment due Thursday, September 18, 2003");
            await Expect(finance.GetByTestId("approve-form")).ToHaveCountAsync(0);
            await Snapshot(finance, "6-finance-approved-desktop");
            var net = ParseDollars(await finance.GetByTestId("net").InnerTextAsync());
            Assert.True(net >= visits * PerVisit, $"The net {net} is less than the {visits} mowings on it.");

            var pdf = await DownloadAsync(finance, "pdf");
            Assert.True(pdf.Length > 100 && Encoding.ASCII.GetString(pdf, 0, 5) == "%PDF-", "The invoice download is not a PDF.");

            var csv = Encoding.UTF8.GetString(await DownloadAsync(finance, "csv"));
            var rows = Csv(csv);
            Assert.StartsWith("contract,invoice_number,", csv, StringComparison.Ordinal);
            var header = rows[0];
            int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidOperationException($"No column {name}.");
            var july = rows.Skip(1).Where(r => r[Column("invoice_number")] == "2685-03").ToList();
            Assert.NotEmpty(july);
            Assert.All(july, r => Assert.Equal("Approved", r[Column("status")]));
            Assert.All(july, r => Assert.Equal("2003-09-18", r[Column("due_on")]));
            Assert.All(july, r => Assert.Equal(net, decimal.Parse(r[Column("invoice_net")], CultureInfo.InvariantCulture)));
            var sum = july.Where(r => r[Column("excluded")] != "true").Sum(r => decimal.Parse(r[Column("amount")], CultureInfo.InvariantCulture));
            Assert.Equal(net, sum);
            var mowingRow = Assert.Single(july, r => r[Column("description")].Contains("Mowing, per visit", StringComparison.Ordinal));
            Assert.Equal(visits.ToString(CultureInfo.InvariantCulture), mowingRow[Column("quantity")]);
            Assert.Equal((visits * PerVisit).ToString("0.00", CultureInfo.InvariantCulture), mowingRow[Column("amount")]);
        });
    }

    private void Now(LocalDateTime local) => app.Clock.Reset(local.InZoneStrictly(Hartford).ToInstant());

    /// <summary>The first of a school's planned mowings in July 2003, one a day, on <paramref name="count"/> different days.</summary>
    private async Task<IReadOnlyList<FieldContracts.Data.Planning.OccurrenceRecord>> JulyMowingsAsync(string site, int count)
    {
        await using var db = app.Database.CreateContext();
        var siteId = await db.Sites.Where(s => s.Code == site && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685"))
            .Select(s => s.Id).SingleAsync();
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => o.SiteId == siteId && !o.Cancelled && o.Kind == TaskKind.Mowing
                && o.PlannedDate >= new LocalDate(2003, 7, 10) && o.PlannedDate <= new LocalDate(2003, 7, 31))
            .ToListAsync();
        var days = rows.GroupBy(o => o.PlannedDate!.Value).OrderBy(g => g.Key).Take(count)
            .Select(g => g.OrderBy(o => o.TaskKey, StringComparer.Ordinal).First()).ToList();
        Assert.True(days.Count == count, $"{site} has {days.Count} days of mowing planned in July 2003 after the 10th.");
        return days;
    }

    /// <summary>Each mowed area's height of cut, at the least the specification allows (as the form shows it).</summary>
    private static async Task FillHeightsAsync(IPage page)
    {
        var heights = page.GetByTestId("heights").Locator(".height");
        var count = await heights.CountAsync();
        Assert.True(count > 0, "The mowing form asks for no height of cut.");
        for (var i = 0; i < count; i++)
        {
            var range = await heights.Nth(i).Locator(".muted").InnerTextAsync();
            var least = Regex.Match(range, @"(\d+(?:\.\d+)?)–");
            Assert.True(least.Success, $"No range of heights in \"{range}\".");
            await heights.Nth(i).Locator("input[name$='.After']").FillAsync(least.Groups[1].Value);
        }
    }

    private static async Task AssertFitsAPhoneAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"{what} is {width}px wide on a 375px phone.");
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>When FIELDCONTRACTS_JOURNEY_SCREENSHOTS names a folder, a full-page screenshot there to look at.</summary>
    private static async Task Snapshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("FIELDCONTRACTS_JOURNEY_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    private static string Dollars(decimal amount) => "$" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static decimal ParseDollars(string text) =>
        decimal.Parse(text.Trim().Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number,
            CultureInfo.InvariantCulture);

    /// <summary>The records of an RFC 4180 text: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}

public sealed class BillingJourneyTests_Sqlite(SqliteBrowserApp app) : BillingJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class BillingJourneyTests_Postgres(PostgresBrowserApp app) : BillingJourneyTests(app), IClassFixture<PostgresBrowserApp>;
