using System.Runtime.CompilerServices;
using FieldContracts.Data;
using Microsoft.Playwright;

namespace FieldContracts.Browser.Tests;

/// <summary>
/// The application on a loopback port and Debian's Chromium driven by Playwright. Failures keep a
/// screenshot in test-artifacts/screenshots at the repository root.
/// </summary>
public abstract class BrowserApp(DatabaseProvider provider) : TestApp(provider, onLoopback: true)
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public override async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies), phone-sized when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address!.ToString().TrimEnd('/'),
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(15_000);
        var violations = new List<string>();
        Violations.Add(context, violations);
        // Chromium reports every script, style or handler the Content-Security-Policy refused on the console.
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"{message.Location}: {message.Text}");
                }
            }
        };
        return await context.NewPageAsync();
    }

    private static readonly ConditionalWeakTable<IBrowserContext, List<string>> Violations = new();

    /// <summary>Fails when the page's context has reported any Content-Security-Policy violation.</summary>
    public static void AssertNoPolicyViolations(IPage page)
    {
        if (Violations.TryGetValue(page.Context, out var violations))
        {
            lock (violations)
            {
                Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
            }
        }
    }

    public static async Task SignInAsync(IPage page, string email, string password = FieldContracts.Web.Demo.DemoData.Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Runs a journey; when it fails, keeps a screenshot of where it stood.</summary>
    public static async Task JourneyAsync(IPage page, Func<Task> journey, [CallerMemberName] string name = "")
    {
        try
        {
            await journey();
            AssertNoPolicyViolations(page);
        }
        catch
        {
            var folder = Path.Combine(FieldContracts.Testing.Repository.Root(), "test-artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(folder, $"{name}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}.png"), FullPage = true,
            });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

public sealed class SqliteBrowserApp() : BrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresBrowserApp() : BrowserApp(DatabaseProvider.PostgreSql);
