#!/usr/bin/python3
"""Reads an iCalendar file with python3-icalendar (Debian) and prints one JSON line per VEVENT.

Usage: /usr/bin/python3 check_icalendar.py FILE.ics

Each line holds uid, start and end (ISO 8601: a date for all-day events, otherwise the time in
America/New_York with its offset), summary, location and description. Timed values with a TZID are
resolved through the file's own VTIMEZONE, never a zone database, so the VTIMEZONE is checked too.
Exits non-zero on anything the library reports as an error.
"""
import json
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar

NEW_YORK = ZoneInfo("America/New_York")


def fail(message):
    print(f"check_icalendar: {message}", file=sys.stderr)
    sys.exit(1)


def first_occurrence(tz, local):
    """pytz needs told which of two repeated wall-clock times is meant; RFC 5545 section 3.3.5 says the first."""
    return min(tz.localize(local, is_dst=True), tz.localize(local, is_dst=False),
               key=lambda aware: aware.astimezone(NEW_YORK).timestamp())


def resolve(prop, zones):
    value = prop.dt
    if isinstance(value, datetime):
        tzid = prop.params.get("TZID")
        if tzid is not None:
            if tzid not in zones:
                fail(f"TZID {tzid} has no VTIMEZONE")
            value = first_occurrence(zones[tzid], value.replace(tzinfo=None))
        elif value.tzinfo is None:
            fail(f"floating time {value.isoformat()}")
        return value.astimezone(NEW_YORK).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    fail(f"unexpected value {value!r}")


def text(event, name):
    return str(event[name]) if name in event else None


def main(path):
    with open(path, "rb") as stream:
        data = stream.read()
    calendar = icalendar.Calendar.from_ical(data.decode("utf-8", errors="strict"))
    for component in calendar.walk():
        if component.errors:
            fail(f"{component.name}: {component.errors}")
    zones = {str(tz["TZID"]): tz.to_tz() for tz in calendar.walk("VTIMEZONE")}
    for event in calendar.walk("VEVENT"):
        print(json.dumps({
            "uid": text(event, "UID"),
            "start": resolve(event["DTSTART"], zones),
            "end": resolve(event["DTEND"], zones) if "DTEND" in event else None,
            "summary": text(event, "SUMMARY"),
            "location": text(event, "LOCATION"),
            "description": text(event, "DESCRIPTION"),
        }))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: check_icalendar.py FILE.ics")
    try:
        main(sys.argv[1])
    except SystemExit:
        raise
    except Exception as error:  # any parse failure fails the check
        fail(f"{type(error).__name__}: {error}")
