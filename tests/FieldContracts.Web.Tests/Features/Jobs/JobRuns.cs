using FieldContracts.Web.Features.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Jobs;

/// <summary>Waits on job runs as the application's job storage has them.</summary>
internal static class JobRuns
{
    public static async Task<JobRunView> WaitForAsync(WebApplicationFactory<Program> node, string runId, string state = "Succeeded",
        TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var run = scope.ServiceProvider.GetRequiredService<JobsQueries>().Run(runId);
            if (run?.State == state)
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < until, $"Run {runId} is {run?.State ?? "unknown"}, not {state}, after waiting.");
            await Task.Delay(100);
        }
    }
}
