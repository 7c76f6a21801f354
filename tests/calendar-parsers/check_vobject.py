#!/usr/bin/python3
"""Reads an iCalendar file with python3-vobject (Debian) and prints one JSON line per VEVENT.

Usage: /usr/bin/python3 check_vobject.py FILE.ics

Same output as check_icalendar.py. The file is read with validation on, and timed values with a
TZID are resolved through the file's own VTIMEZONE. Exits non-zero on any parse or validation error.
"""
import json
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

import vobject

NEW_YORK = ZoneInfo("America/New_York")


def fail(message):
    print(f"check_vobject: {message}", file=sys.stderr)
    sys.exit(1)


def resolve(line, zones):
    value = line.value
    if isinstance(value, datetime):
        # vobject moves TZID to X-VOBJ-ORIGINAL-TZID once it has turned the value into a datetime.
        tzid = (line.params.get("X-VOBJ-ORIGINAL-TZID") or line.params.get("TZID") or [None])[0]
        if tzid is not None:
            if tzid not in zones:
                fail(f"TZID {tzid} has no VTIMEZONE")
            value = value.replace(tzinfo=zones[tzid])
        elif value.tzinfo is None:
            fail(f"floating time {value.isoformat()}")
        return value.astimezone(NEW_YORK).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    fail(f"unexpected value {value!r}")


def text(event, name):
    lines = event.contents.get(name)
    return lines[0].value if lines else None


def main(path):
    with open(path, "rb") as stream:
        data = stream.read().decode("utf-8", errors="strict")
    calendars = list(vobject.readComponents(data, validate=True, ignoreUnreadable=False))
    if len(calendars) != 1:
        fail(f"expected one VCALENDAR, found {len(calendars)}")
    calendar = calendars[0]
    calendar.validate(raiseException=True, complainUnrecognized=False)
    zones = {}
    for vtimezone in calendar.contents.get("vtimezone", []):
        zones[vtimezone.tzid.value] = vtimezone.gettzinfo()
    for event in calendar.contents.get("vevent", []):
        print(json.dumps({
            "uid": text(event, "uid"),
            "start": resolve(event.dtstart, zones),
            "end": resolve(event.dtend, zones) if "dtend" in event.contents else None,
            "summary": text(event, "summary"),
            "location": text(event, "location"),
            "description": text(event, "description"),
        }))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: check_vobject.py FILE.ics")
    try:
        main(sys.argv[1])
    except SystemExit:
        raise
    except Exception as error:  # any parse failure fails the check
        fail(f"{type(error).__name__}: {error}")
