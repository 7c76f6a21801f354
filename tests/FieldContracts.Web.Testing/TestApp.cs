using System.Net;
using System.Text.RegularExpressions;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Testing;
using FieldContracts.Testing;
using FieldContracts.Web.Demo;
using FieldContracts.Web.Features.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace FieldContracts.Web.Testing;

/// <summary>
/// One running application per test class, on its own empty database, with contract #2685 loaded as
/// in demo mode and a second contractor (contract 9001) to prove that contractors are kept apart.
/// </summary>
public abstract partial class TestApp(DatabaseProvider provider, bool onLoopback = false) : IAsyncLifetime
{
    public const string OtherContractorEmail = "othercrew@other.example";
    public const string OtherContractNumber = "9001";
    public const string OtherContractTitle = "Park mowing, North End (test contract)";

    /// <summary>Thursday, July 10, 2003, 9:00 a.m. in Hartford: inside the term, in summer.</summary>
    public static readonly LocalDateTime DefaultNow = new(2003, 7, 10, 9, 0);

    public DatabaseProvider Provider { get; } = provider;

    public FakeClock Clock { get; } = HartfordClock.At(DefaultNow);

    public TestDatabase Database { get; private set; } = null!;

    public FieldContractsFactory Factory { get; private set; } = null!;

    /// <summary>Where a browser reaches the application; only when it runs on a loopback port.</summary>
    public Uri? Address { get; private set; }

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        Factory = new FieldContractsFactory(Database, Clock);
        if (onLoopback)
        {
            Address = Factory.StartOnLoopback();
        }
        else
        {
            _ = Factory.Server; // starts the host: migrations and demo data
        }

        await SeedOtherContractorAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public HttpClient Anonymous() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DemoData.Password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    public static string EmailOf(string role) => DemoData.Users.Single(u => u.Role == role).Email;

    /// <summary>GETs the form page for its anti-forgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{url} has no anti-forgery token.");
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private async Task SeedOtherContractorAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ImportContractHandler>();
        var document = (await DemoData.LoadContract2685Async(CancellationToken.None)) with
        {
            Number = OtherContractNumber,
            Title = OtherContractTitle,
            Contractor = new ContractorDocument("Other Grounds Co (test)",
                new AddressDocument("1 Test Road", "Hartford", "CT", "06120"), []),
            PriceLines = [],
        };
        var result = await importer.HandleAsync(document, "test", CancellationToken.None);
        if (result is not ImportResult.Created)
        {
            throw new InvalidOperationException($"Could not set up the second contractor's contract: {result}");
        }

        var db = scope.ServiceProvider.GetRequiredService<FieldContractsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var contractorId = db.Contracts.Single(c => c.Number == OtherContractNumber).ContractorId;
        var user = new AppUser
        {
            UserName = OtherContractorEmail, Email = OtherContractorEmail, EmailConfirmed = true,
            DisplayName = "Other crew (test)", ContractorId = contractorId,
        };
        var created = await users.CreateAsync(user, DemoData.Password);
        var inRole = await users.AddToRoleAsync(user, Roles.Contractor);
        if (!created.Succeeded || !inRole.Succeeded)
        {
            throw new InvalidOperationException("Could not create the second contractor's user.");
        }
    }
}

public sealed class SqliteApp() : TestApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : TestApp(DatabaseProvider.PostgreSql);
