using FieldContracts.Data.Planning;
using NodaTime;

namespace FieldContracts.Web.Demo;

/// <summary>
/// Sample school calendars for the demo: Hartford school hours on weekdays, the 2002–05 school years,
/// holidays, spring baseball and softball practice, fall home games, and a summer camp at Weaver.
/// Illustrative only; the Athletic Director enters the real ones.
/// </summary>
public static class SampleSchoolCalendars
{
    public static SchoolCalendarDocument For(string schoolCode)
    {
        var weekdays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" };
        var hours = weekdays.ToDictionary(d => d, _ => new HoursDocument("07:30", "14:30"));
        var sessions = new List<SessionDocument>
        {
            new("2002-09-03", "2003-06-18"), new("2003-08-27", "2004-06-16"), new("2004-08-30", "2005-06-15"),
        };
        var closures = new List<string>
        {
            "2003-05-26", "2003-11-11", "2003-11-27", "2003-11-28", "2004-01-19", "2004-02-16",
            "2004-04-12", "2004-04-13", "2004-04-14", "2004-04-15", "2004-04-16", "2004-05-31",
            "2004-11-11", "2004-11-25", "2004-11-26",
        };
        var activities = new List<ActivityDocument>();
        foreach (var year in new[] { 2003, 2004 })
        {
            // Spring practice after school on weekdays, Mar 15 – Jun 10.
            for (var day = new LocalDate(year, 3, 15); day <= new LocalDate(year, 6, 10); day = day.PlusDays(1))
            {
                if (day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                {
                    activities.Add(Activity("Baseball and softball practice", day, new LocalTime(14, 45), new LocalTime(17, 15)));
                }
            }

            // Fall home games on Friday evenings, Sep – Nov.
            for (var day = new LocalDate(year, 9, 1); day <= new LocalDate(year, 11, 21); day = day.PlusDays(1))
            {
                if (day.DayOfWeek == IsoDayOfWeek.Friday)
                {
                    activities.Add(Activity("Home football or soccer game", day, new LocalTime(18, 0), new LocalTime(21, 0)));
                }
            }

            if (schoolCode == "WHS")
            {
                for (var day = new LocalDate(year, 7, 7); day <= new LocalDate(year, 7, 25); day = day.PlusDays(1))
                {
                    if (day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                    {
                        activities.Add(Activity("Summer sports camp", day, new LocalTime(8, 0), new LocalTime(12, 0)));
                    }
                }
            }
        }

        return new SchoolCalendarDocument(hours, sessions, closures, activities);
    }

    private static ActivityDocument Activity(string name, LocalDate day, LocalTime start, LocalTime end) =>
        new(name, SchoolCalendarDocument.FormatDateTime(day + start), SchoolCalendarDocument.FormatDateTime(day + end));
}
