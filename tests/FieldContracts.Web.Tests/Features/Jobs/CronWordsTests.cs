using FieldContracts.Web.Features.Jobs;

namespace FieldContracts.Web.Tests.Features.Jobs;

/// <summary>Each job's schedule in words, Hartford time; an expression of another shape is shown as it is.</summary>
public sealed class CronWordsTests
{
    [Theory]
    [InlineData("*/15 * * * *", "Every 15 minutes")]
    [InlineData("* * * * *", "Every minute")]
    [InlineData("30 2 * * *", "Every day at 02:30 (Hartford time)")]
    [InlineData("0 7 * * *", "Every day at 07:00 (Hartford time)")]
    [InlineData("15 7 * * *", "Every day at 07:15 (Hartford time)")]
    [InlineData("0 2 * * *", "Every day at 02:00 (Hartford time)")]
    [InlineData("5 * * * *", "Every hour at 05 minutes past")]
    [InlineData("0 6 * * 1", "Every Monday at 06:00 (Hartford time)")]
    [InlineData("0 6 * * 1-5", "Every weekday (Monday to Friday) at 06:00 (Hartford time)")]
    [InlineData("0 6 1 * *", "On the schedule \"0 6 1 * *\" (Hartford time)")]
    [InlineData("0 25 * * *", "On the schedule \"0 25 * * *\" (Hartford time)")]
    [InlineData("0 6 * *", "On the schedule \"0 6 * *\" (Hartford time)")]
    public void Describe_WordsTheShapesTheJobsUse(string cron, string words) => Assert.Equal(words, CronWords.Describe(cron));

    [Fact]
    public void Describe_EveryDefaultScheduleIsInWords()
    {
        Assert.All(JobCatalog.All, job => Assert.DoesNotContain("On the schedule", CronWords.Describe(job.DefaultCron)));
    }
}
