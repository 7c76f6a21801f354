using FieldContracts.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddFieldContracts();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseFieldContracts();
app.Run();

/// <summary>The web host; public so tests can start it through WebApplicationFactory.</summary>
public partial class Program;
