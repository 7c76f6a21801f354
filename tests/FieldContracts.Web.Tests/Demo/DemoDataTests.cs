using FieldContracts.Data;
using FieldContracts.Testing;
using FieldContracts.Web.Demo;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace FieldContracts.Web.Tests.Demo;

public abstract class DemoDataTests(DatabaseProvider provider)
{
    private static readonly FakeClock Clock = HartfordClock.At(new LocalDateTime(2003, 7, 10, 9, 0));

    [Fact]
    public async Task Production_DemoEnabled_SeedsNoUsersAndNoContract()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var factory = new FieldContractsFactory(database, Clock, environment: "Production", demo: true))
        {
            _ = factory.Server;
        }

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Contracts.CountAsync());
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    [Fact]
    public async Task Development_EmptyDatabase_SeedsContract2685AndOneUserPerRoleOnce()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        for (var start = 0; start < 2; start++)
        {
            await using var factory = new FieldContractsFactory(database, Clock, environment: "Development", demo: true);
            _ = factory.Server;
        }

        await using var db = database.CreateContext();
        var contract = await db.Contracts.Include(c => c.Sites).ThenInclude(s => s.Areas).SingleAsync();
        Assert.Equal("2685", contract.Number);
        Assert.Equal(["Bulkeley High School", "Hartford Public High School", "Weaver High School"], contract.Sites.Select(s => s.Name).Order());
        Assert.Equal(DemoData.Users.Count, await db.Users.CountAsync());
        foreach (var (email, _, role) in DemoData.Users)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([role], roles);
            Assert.Equal(role == Roles.Contractor ? contract.ContractorId : null, user.ContractorId);
        }
    }
}

public sealed class DemoDataTests_Sqlite() : DemoDataTests(DatabaseProvider.Sqlite);

public sealed class DemoDataTests_Postgres() : DemoDataTests(DatabaseProvider.PostgreSql);
