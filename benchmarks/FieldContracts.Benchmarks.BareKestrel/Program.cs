// The baseline of benchmarks/load/feed-vs-bare.sh: Kestrel answering one short constant with nothing else in the
// pipeline, as fast as this machine serves HTTP at all. Run in Release; the address comes from ASPNETCORE_URLS.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();

var app = builder.Build();
app.MapGet("/", () => "Hello, Hartford");
app.Run();
