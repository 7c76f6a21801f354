using System.Globalization;
using System.Text;
using FieldContracts.Administration.Performance;
using NodaTime;
using NodaTime.Text;
using PdfSharp.Pdf;

namespace FieldContracts.Web.Features.Performance.Documents;

/// <summary>
/// The three written documents of a performance case as PDFs: the invitation to the special instruction 7 A meeting,
/// the 7 B cure notice, and the notice of termination (for cause under 7 C, or without cause under 6). Each carries the
/// contract and the parties, the date issued and by whom, the bid's clause quoted word for word (<see cref="BidClauses"/>),
/// the dates that matter written out in full, and every deficiency with its evidence. The same input gives the same
/// bytes, so a document can be stored under its content hash.
/// </summary>
public static class CaseDocuments
{
    public const string ContentType = "application/pdf";

    private static readonly LocalDatePattern LongDatePattern = LocalDatePattern.Create("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date as the documents write it: "Tuesday, June 1, 2004".</summary>
    public static string LongDate(LocalDate date) => LongDatePattern.Format(date);

    /// <summary>The invitation to meet the City and respond to the complaints (special instruction 7 A).</summary>
    public static byte[] Render(MeetingInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var header = invitation.Header;
        return Write(header, "Invitation to a meeting on contractor performance", "Special instruction 7 A: a meeting to respond to complaints", flow =>
        {
            flow.Paragraphs(invitation.Text);

            flow.Heading("The meeting");
            flow.Field("Date", LongDate(invitation.MeetingOn));
            flow.Field("Place", invitation.Place);
            flow.Field("Attendees", string.Join("\n", invitation.Attendees));

            ContractorPerformanceClause(flow, BidClauses.Meet, BidClauses.RemedialPeriod, BidClauses.Terminate);

            flow.Heading(Count(invitation.Complaints.Count, "complaint", "complaints") + " to respond to");
            Deficiencies(flow, invitation.Complaints);
            Signature(flow, header);
        });
    }

    /// <summary>The written notice of the remedial period and of what must be cured within it (special instruction 7 B).</summary>
    public static byte[] Render(CureNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.EndsOn < notice.StartsOn)
        {
            throw new ArgumentException($"The remedial period ends on {notice.EndsOn:uuuu-MM-dd}, before it starts on {notice.StartsOn:uuuu-MM-dd}.", nameof(notice));
        }

        if (notice.ToCure.Count == 0 || notice.ToCure.Any(d => string.IsNullOrWhiteSpace(d.CuredMeans)))
        {
            throw new ArgumentException("A cure notice names at least one deficiency, and what \"cured\" means for each.", nameof(notice));
        }

        var header = notice.Header;
        var days = Period.DaysBetween(notice.StartsOn, notice.EndsOn) + 1;
        return Write(header, "Notice to cure", "Special instruction 7 B: the remedial period", flow =>
        {
            flow.Paragraphs(notice.Text);

            flow.Heading("The remedial period");
            flow.Field("First day", LongDate(notice.StartsOn));
            flow.Field("Last day", LongDate(notice.EndsOn));
            flow.Field("Length", $"{Count(days, "calendar day", "calendar days")}, the first and the last day included");
            flow.Field("Meeting held", LongDate(notice.MeetingHeldOn) + " (special instruction 7 A)");

            ContractorPerformanceClause(flow, BidClauses.Meet, BidClauses.RemedialPeriod, BidClauses.Terminate);

            flow.Heading(Count(notice.ToCure.Count, "deficiency", "deficiencies") + " to cure by " + LongDate(notice.EndsOn));
            Deficiencies(flow, notice.ToCure);
            Signature(flow, header);
        });
    }

    /// <summary>
    /// The notice that ends the contract: for cause (special instruction 7 C) with the deficiencies left uncured, or
    /// without cause (special instruction 6) with the condition, A or B, that applies.
    /// </summary>
    public static byte[] Render(TerminationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var reason = CheckedReason(notice);
        var header = notice.Header;
        var forCause = notice.Kind == TerminationKind.ForCause;
        var title = forCause ? "Notice of termination for cause" : "Notice of termination without cause";
        var subtitle = forCause
            ? "Special instruction 7 C: deficiencies not corrected within the remedial period"
            : $"Special instruction {BidClauses.For(reason!.Value).Reference}: thirty (30) days prior written notice";
        return Write(header, title, subtitle, flow =>
        {
            flow.Paragraphs(notice.Text);

            flow.Heading("Dates");
            flow.Field("Notice given", LongDate(notice.NoticeOn));
            if (!forCause)
            {
                flow.Field("Notice period", Count(Period.DaysBetween(notice.NoticeOn, notice.EffectiveOn), "calendar day", "calendar days")
                    + " from the notice to the day the termination takes effect");
            }

            flow.Field("Last day of service", LongDate(notice.LastDayOfService) + ": the last day work is owed and paid for");
            flow.Field("Effective", LongDate(notice.EffectiveOn) + ": from this day on the contract is no longer in force");

            if (forCause)
            {
                ContractorPerformanceClause(flow, BidClauses.Terminate);
            }
            else
            {
                flow.Heading("What the contract provides");
                flow.Paragraphs(BidClauses.Source + ":");
                flow.Quote(ClauseLabel(BidClauses.ContractTermination), BidClauses.ContractTermination.Text);
                var condition = BidClauses.For(reason!.Value);
                flow.Quote(ClauseLabel(condition), condition.Text);
            }

            if (notice.Uncured.Count > 0)
            {
                flow.Heading(forCause
                    ? Count(notice.Uncured.Count, "deficiency", "deficiencies") + " not corrected within the remedial period"
                    : Count(notice.Uncured.Count, "deficiency", "deficiencies") + " on record");
                Deficiencies(flow, notice.Uncured);
            }

            Signature(flow, header);
        });
    }

    /// <summary>E.g. <c>2685-meeting-invitation-2004-05-10.pdf</c>: contract, document, date issued.</summary>
    public static string FileName(MeetingInvitation invitation) => FileName(invitation.Header, "meeting-invitation");

    /// <summary>E.g. <c>2685-cure-notice-2004-05-21.pdf</c>.</summary>
    public static string FileName(CureNotice notice) => FileName(notice.Header, "cure-notice");

    /// <summary>E.g. <c>2685-termination-for-cause-2004-06-08.pdf</c> or <c>2685-termination-without-cause-2004-01-30.pdf</c>.</summary>
    public static string FileName(TerminationNotice notice) =>
        FileName(notice.Header, notice.Kind == TerminationKind.ForCause ? "termination-for-cause" : "termination-without-cause");

    private static TerminationWithoutCauseReason? CheckedReason(TerminationNotice notice)
    {
        switch (notice.Kind)
        {
            case TerminationKind.ForCause when notice.Reason is not null:
                throw new ArgumentException("A termination for cause has no special instruction 6 reason.", nameof(notice));
            case TerminationKind.ForCause:
                return null;
            case TerminationKind.WithoutCause when notice.Reason is { } reason && Enum.IsDefined(reason):
                return reason;
            case TerminationKind.WithoutCause:
                throw new ArgumentException("A termination without cause names condition 6 A or 6 B.", nameof(notice));
            default:
                throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "Not a kind of termination.");
        }
    }

    private static byte[] Write(CaseDocumentHeader header, string title, string subtitle, Action<PageFlow> body)
    {
        ArgumentNullException.ThrowIfNull(header);
        CaseDocumentFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"{title}, contract #{header.ContractNumber}";
        document.Info.Subject = subtitle;
        document.Info.Author = header.CityOffice;
        document.Info.Creator = "FieldContracts";
        using (var flow = new PageFlow(document))
        {
            flow.Letterhead(header.CityOffice);
            flow.Title(title, subtitle);
            flow.Field("Contract", $"#{header.ContractNumber}, {header.ContractTitle}");
            flow.Field("Term", $"{LongDate(header.TermStart)} to {LongDate(header.TermEnd)}, both days included");
            flow.Field("From", header.CityOffice);
            flow.Field("To", header.ContractorName + "\n" + header.ContractorAddress);
            flow.Field("Issued on", LongDate(header.IssuedOn));
            flow.Field("Issued by", header.IssuedBy);
            flow.Rule();
            body(flow);
            flow.Finish($"Contract #{header.ContractNumber}, {title.ToLowerInvariant()}, issued {LongDate(header.IssuedOn)}");
        }

        return DeterministicPdf.Save(document, header.IssuedOn);
    }

    /// <summary>Special instruction 7 quoted: its grounds and the steps it names, each word for word.</summary>
    private static void ContractorPerformanceClause(PageFlow flow, params BidClause[] steps)
    {
        flow.Heading("What the contract provides");
        flow.Paragraphs(BidClauses.Source + ":");
        flow.Quote(ClauseLabel(BidClauses.ContractorPerformance), BidClauses.ContractorPerformance.Text);
        foreach (var step in steps)
        {
            flow.Quote(ClauseLabel(step), step.Text);
        }
    }

    private static string ClauseLabel(BidClause clause) => $"Special instruction {clause.Reference}, {clause.Heading}";

    private static void Deficiencies(PageFlow flow, IReadOnlyList<CaseDocumentDeficiency> deficiencies)
    {
        const double indent = 14;
        for (var i = 0; i < deficiencies.Count; i++)
        {
            var d = deficiencies[i];
            flow.Item($"{i + 1}. {d.Kind}" + (string.IsNullOrWhiteSpace(d.School) ? "" : $", {d.School}"));
            if (d.Areas.Count > 0)
            {
                flow.Field("Areas", string.Join("; ", d.Areas), indent);
            }

            flow.Field("Found on", LongDate(d.FoundOn), indent);
            flow.Field("Evidence", d.Evidence, indent);
            if (!string.IsNullOrWhiteSpace(d.CuredMeans))
            {
                flow.Field("Cured means", d.CuredMeans, indent);
            }

            if (d.EvidenceFiles.Count > 0)
            {
                flow.Field("Evidence files", string.Join("\n", d.EvidenceFiles), indent);
            }

            flow.Space(6);
        }
    }

    private static void Signature(PageFlow flow, CaseDocumentHeader header)
    {
        flow.Space(12);
        flow.Strong(header.IssuedBy);
        flow.Paragraphs(header.CityOffice);
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string FileName(CaseDocumentHeader header, string document)
    {
        var number = new StringBuilder();
        foreach (var c in header.ContractNumber.Trim())
        {
            number.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return $"{number}-{document}-{header.IssuedOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}.pdf";
    }
}
