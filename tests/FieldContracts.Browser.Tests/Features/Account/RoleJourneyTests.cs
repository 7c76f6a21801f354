using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Account;

/// <summary>Each role signs in through the real form in Chromium and sees what it may, and no more.</summary>
public abstract class RoleJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData(Roles.Purchasing)]
    [InlineData(Roles.AthleticDirector)]
    [InlineData(Roles.Contractor)]
    [InlineData(Roles.Finance)]
    public async Task Role_SignsIn_SeesContract2685AndOnlyWhatTheRoleMay(string role)
    {
        var page = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(role));
            // Every role's day starts at the home page; the contracts are one link away.
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contracts", Level = 1 })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "#2685" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/contracts/2685$"));
            await Expect(page.GetByTestId("term")).ToContainTextAsync("Thursday, May 15, 2003 to Friday, December 31, 2004");
            await Expect(page.GetByTestId("site")).ToHaveCountAsync(3);
            await Expect(page.GetByText("Bulkeley High School")).ToBeVisibleAsync();

            var settingsLink = page.GetByRole(AriaRole.Link, new() { Name = "Change settings" });
            await page.GotoAsync("/contracts/2685/settings");
            if (role == Roles.Purchasing)
            {
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings of contract #2685" })).ToBeVisibleAsync();
            }
            else
            {
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
                await page.GotoAsync("/contracts/2685");
                await Expect(settingsLink).ToHaveCountAsync(0);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
            await page.GotoAsync("/contracts/2685");
            await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        }, $"{nameof(Role_SignsIn_SeesContract2685AndOnlyWhatTheRoleMay)}-{role}");
    }

    [Fact]
    public async Task Contractor_OtherContractorsContract_IsNotFound()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.Contractor));
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "#2685" })).ToBeVisibleAsync();
            await Expect(page.GetByText(TestApp.OtherContractTitle)).ToHaveCountAsync(0);

            var response = await page.GotoAsync($"/contracts/{TestApp.OtherContractNumber}");

            Assert.Equal(404, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
            await Expect(page.GetByText(TestApp.OtherContractTitle)).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task WrongPassword_ShowsTheMessage()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.AthleticDirector), "not the password");

            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        });
    }

    [Fact]
    public async Task Overview_OnAPhone_FitsTheScreenWidth()
    {
        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.AthleticDirector));
            await page.GotoAsync("/contracts/2685");
            await Expect(page.GetByTestId("site")).ToHaveCountAsync(3);

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

            Assert.True(scrollWidth <= 375, $"The page is {scrollWidth}px wide on a 375px phone.");
        });
    }
}

public sealed class RoleJourneyTests_Sqlite(SqliteBrowserApp app) : RoleJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class RoleJourneyTests_Postgres(PostgresBrowserApp app) : RoleJourneyTests(app), IClassFixture<PostgresBrowserApp>;
