using FieldContracts.Data;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

/// <summary>
/// Where email goes and how hard delivery tries. With no <c>Email:Smtp:Host</c>, messages are written as .eml
/// files to <see cref="PickupDirectory"/> (demo mode) instead of being sent.
/// </summary>
/// <param name="SmtpSecurity">
/// TLS on the SMTP connection: <c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c> (the default) or
/// <c>SslOnConnect</c> (implicit TLS, port 465).
/// </param>
/// <param name="SmtpUser">The account to authenticate as; none when empty.</param>
/// <param name="SmtpPassword">Its password: from user secrets or the environment (<c>Email__Smtp__Password</c>), never from git.</param>
/// <param name="SmtpTimeout">How long one SMTP command may take before the attempt counts as failed.</param>
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
    Duration SendWindow,
    MailKit.Security.SecureSocketOptions SmtpSecurity = MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable,
    string? SmtpUser = null,
    string? SmtpPassword = null,
    Duration? SmtpTimeout = null)
{
    /// <summary>How long one SMTP command may take.</summary>
    public Duration Timeout => SmtpTimeout ?? Duration.FromSeconds(30);

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
            Duration.FromHours(email.GetValue("Notices:SendWindowHours", 48)),
            Enum.TryParse<MailKit.Security.SecureSocketOptions>(email["Smtp:Security"], ignoreCase: true, out var security)
                ? security
                : MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable,
            email["Smtp:User"] is { Length: > 0 } user ? user : null,
            email["Smtp:Password"] is { Length: > 0 } password ? password : null,
            Duration.FromSeconds(Math.Max(1, email.GetValue("Smtp:TimeoutSeconds", 30))));
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
