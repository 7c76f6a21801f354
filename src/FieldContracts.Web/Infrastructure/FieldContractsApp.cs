using FieldContracts.Web.Demo;
using FieldContracts.Web.Features.Billing;
using FieldContracts.Web.Features.CalendarSources;
using FieldContracts.Web.Features.InsuranceCover;
using FieldContracts.Web.Features.Complaints;
using FieldContracts.Web.Features.Contracts;
using FieldContracts.Web.Features.Deficiencies;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Licences;
using FieldContracts.Web.Features.Feeds;
using FieldContracts.Web.Features.Health;
using FieldContracts.Web.Features.Inspections;
using FieldContracts.Web.Features.Insurance;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Features.Notices;
using FieldContracts.Web.Features.Performance;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Scorecard;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Features.Subcontracting;
using FieldContracts.Web.Features.WorkLogs;

namespace FieldContracts.Web.Infrastructure;

/// <summary>The composition of the application: what Program.cs calls.</summary>
public static class FieldContractsApp
{
    public static WebApplicationBuilder AddFieldContracts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddContractClock(builder.Configuration);
        var database = DatabaseRegistration.ResolveDatabase(builder.Configuration, builder.Environment);
        services.AddDatabase(database);
        services.AddSecurity();
        services.AddApi();
        services.AddRazorPages(options => options.RootDirectory = "/Features");
        services.AddScoped<DemoData>();
        services.AddPendingUploads();
        services.AddContracts();
        services.AddSchedule();
        services.AddCalendarSources(builder.Configuration);
        services.AddFeeds(builder.Configuration);
        services.AddWorkLogs();
        services.AddDeficiencies();
        services.AddDeliverables();
        services.AddLicences();
        services.AddPerformanceCases();
        services.AddScorecard();
        services.AddComplaints();
        services.AddInspections();
        services.AddBilling();
        services.AddSubcontracting();
        services.AddCityCover();
        services.AddInsurance();
        services.AddNotices(builder.Configuration, builder.Environment);
        services.AddJobs(builder.Configuration, database);
        return builder;
    }

    public static WebApplication UseFieldContracts(this WebApplication app)
    {
        // Calendar applications poll the feeds all day; they need none of what follows.
        app.UseFeedEndpoint();

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/error/500");
            }

            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapOpenApi();
        app.MapContractsApi();
        app.MapScheduleApi();
        app.MapCalendarSourcesApi();
        app.MapFeeds();
        app.MapWorkLogsApi();
        app.MapDeficienciesApi();
        app.MapDeliverablesApi();
        app.MapLicencesApi();
        app.MapCasesApi();
        app.MapScorecardApi();
        app.MapComplaintsApi();
        app.MapInspectionsApi();
        app.MapBillingApi();
        app.MapSubcontractingApi();
        app.MapCityCoverApi();
        app.MapInsuranceApi();
        app.MapJobsApi();
        app.MapJobsDashboard();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
