// Reads an iCalendar file with ical.js and prints one JSON line per VEVENT.
//
// Usage: node check-icaljs.mjs FILE.ics   (after `npm ci --prefix tests/calendar-parsers`)
//
// Same output as check_icalendar.py. Only the file's own VTIMEZONEs are registered, so times with a
// TZID are resolved through them. Exits non-zero on any parse error.
import { readFileSync } from 'node:fs';

function fail(message) {
  console.error(`check-icaljs: ${message}`);
  process.exit(1);
}

let ICAL;
try {
  ICAL = (await import('ical.js')).default;
} catch {
  console.error('check-icaljs: ical.js is not installed; run `npm ci --prefix tests/calendar-parsers` first.');
  process.exit(2);
}

const newYork = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
  timeZoneName: 'longOffset',
});

function inNewYork(date) {
  const p = Object.fromEntries(newYork.formatToParts(date).map((part) => [part.type, part.value]));
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.slice(3);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

function resolve(time) {
  if (time.isDate) {
    return time.toString();
  }
  const tzid = time.zone?.tzid;
  if (!tzid || tzid === 'floating') {
    fail(`time without a known zone: ${time.toString()} (TZID ${time.timezone ?? 'none'})`);
  }
  return inNewYork(new Date(time.toUnixTime() * 1000));
}

if (process.argv.length !== 3) {
  fail('usage: node check-icaljs.mjs FILE.ics');
}

try {
  const bytes = readFileSync(process.argv[2]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') {
    fail(`top-level component is ${calendar.name}`);
  }
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtimezone);
  }
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    console.log(JSON.stringify({
      uid: event.uid,
      start: resolve(event.startDate),
      end: vevent.hasProperty('dtend') ? resolve(event.endDate) : null,
      summary: event.summary ?? null,
      location: event.location ?? null,
      description: event.description ?? null,
    }));
  }
} catch (error) {
  fail(`${error.name}: ${error.message}`);
}
