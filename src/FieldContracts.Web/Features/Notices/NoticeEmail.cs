using System.Globalization;
using System.Text;
using FieldContracts.Data.Planning;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

/// <summary>
/// The text of a chemical pre-notification: product, active ingredient, location (school and areas), date and
/// time of the application (CGS 10-231c), and the posting of signs.
/// </summary>
public static class NoticeEmail
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Subject(NoticeDetail notice) =>
        $"Pesticide application notice: {notice.School}, {Display.Long(notice.ApplicationDate)}";

    public static string Body(NoticeDetail notice, Instant startsAt, int? minutes, string contractNumber, string contractTitle, int version)
    {
        var start = startsAt.InZone(Hartford.Zone);
        var body = new StringBuilder();
        body.AppendLine($"Notice of pesticide application at {notice.School}");
        body.AppendLine();
        body.AppendLine("This is advance notice, as Connecticut General Statutes section 10-231c requires, of a pesticide");
        body.AppendLine("application on the grounds of the school named below.");
        body.AppendLine();
        body.AppendLine($"School: {notice.School}");
        body.AppendLine($"Location: {string.Join("; ", notice.Areas)}");
        body.AppendLine($"Date: {Display.Long(start.Date)}");
        body.AppendLine($"Time: {start.TimeOfDay.ToString("h:mm tt", English)} (Hartford time)" +
                        (minutes is { } m ? $", for about {m} minutes" : ""));
        body.AppendLine($"Product: {string.Join("; ", notice.Products)}");
        body.AppendLine($"Active ingredient: {string.Join("; ", notice.ActiveIngredients)}");
        body.AppendLine();
        body.AppendLine("Signs reading \"PESTICIDE APPLICATION\", with the date and the applicator's name, will be posted at");
        body.AppendLine("the treated areas and left up for 24 hours after the application.");
        body.AppendLine();
        body.AppendLine($"Contract #{contractNumber}, {contractTitle}, City of Hartford. Questions: the Athletic Director or");
        body.AppendLine("the City's Purchasing office.");
        body.AppendLine($"Notice version {version.ToString(CultureInfo.InvariantCulture)}: should the application move, a new notice will be sent.");
        return body.ToString();
    }
}
