using FieldContracts.Data;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

/// <summary>
/// Where email goes and how hard delivery tries. With no <c>Email:Smtp:Host</c>, messages are written as .eml
/// files to <see cref="PickupDirectory"/> (demo mode) instead of being sent.
/// </summary>
public sealed record EmailSettings(
    string? SmtpHost,
    int SmtpPort,
    string From,
    string PickupDirectory,
    int MaxAttempts,
    Duration FirstRetry,
    Duration LongestRetry,
    Duration ClaimFor,
    int BatchSize,
    int Connections,
    Duration SendWindow)
{
    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(SmtpHost);

    public static EmailSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = configuration["Storage:DataDirectory"];
        dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory, environment.ContentRootPath);
        var email = configuration.GetSection("Email");
        return new EmailSettings(
            email["Smtp:Host"] is { Length: > 0 } host ? host : null,
            email.GetValue("Smtp:Port", 25),
            email["Smtp:From"] is { Length: > 0 } from ? from : "fieldcontracts@hartford.example",
            Path.Combine(dataDirectory, "mail-pickup"),
            email.GetValue("Delivery:MaxAttempts", 8),
            Duration.FromSeconds(email.GetValue("Delivery:FirstRetrySeconds", 60)),
            Duration.FromSeconds(email.GetValue("Delivery:LongestRetrySeconds", 3600)),
            Duration.FromSeconds(email.GetValue("Delivery:ClaimSeconds", 300)),
            email.GetValue("Delivery:BatchSize", 50),
            Math.Max(1, email.GetValue("Delivery:Connections", 8)),
            Duration.FromHours(email.GetValue("Notices:SendWindowHours", 48)));
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: doubling from the first, up to the longest.</summary>
    public Duration RetryAfter(int attempts)
    {
        var wait = FirstRetry * Math.Pow(2, Math.Min(attempts - 1, 30));
        return wait > LongestRetry ? LongestRetry : wait;
    }
}

/// <summary>This application instance's name among the nodes sharing a database: claims on outbox rows carry it.</summary>
public sealed record NodeIdentity(string Name)
{
    public static NodeIdentity New() => new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");
}
