using NodaTime;

namespace FieldContracts.Administration.Notices;

/// <summary>How a chemical pre-notification was given.</summary>
public enum NoticeChannel
{
    Email,
    Letter,
    Phone,
    InPerson,
    Posted,
}

/// <summary>
/// A chemical pre-notification given outside the application (spec VII) and recorded by the Athletic Director or
/// the contractor: for which occurrence, when it went out, the application day it named, how, and who recorded it.
/// </summary>
public sealed class NoticeRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public Guid OccurrenceId { get; set; }

    public Instant SentAt { get; set; }

    public LocalDate ApplicationDateNamed { get; set; }

    public NoticeChannel Channel { get; set; }

    public string RecordedBy { get; set; } = "";

    public Instant RecordedAt { get; set; }
}

/// <summary>Notices recorded by hand, as the ledger takes them.</summary>
public static class RecordedNotices
{
    /// <summary>How the notice was given, in words.</summary>
    public static string Describe(NoticeChannel channel) => channel switch
    {
        NoticeChannel.Email => "email",
        NoticeChannel.Letter => "letter",
        NoticeChannel.Phone => "phone",
        NoticeChannel.InPerson => "in person",
        NoticeChannel.Posted => "posted notice",
        _ => channel.ToString(),
    };

    public static GivenNotice ToGiven(this NoticeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new GivenNotice(record.OccurrenceId, record.SentAt, record.ApplicationDateNamed, NoticeSource.Recorded,
            $"{Describe(record.Channel)}, recorded by {record.RecordedBy}");
    }

    /// <summary>An email notice, sent when a mail server first accepted one of its messages.</summary>
    public static GivenNotice Emailed(Guid occurrenceId, Instant acceptedAt, LocalDate applicationDateNamed, int recipients) =>
        new(occurrenceId, acceptedAt, applicationDateNamed, NoticeSource.Emailed,
            recipients == 1 ? "email to 1 recipient" : $"email to {recipients} recipients");
}
