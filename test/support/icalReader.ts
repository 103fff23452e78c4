import ICAL from 'ical.js';

/** One series as a calendar sees it: its entry's properties and every instance it expands to. */
export interface CalendarSeries {
  uid: string;
  sequences: number[];
  summary: string;
  description: string;
  url: string | null;
  /** Expanded instances in time order, UTC `YYYY-MM-DDTHH:MM:SSZ`. */
  instances: { start: string; end: string }[];
}

const utc = (time: ICAL.Time) => `${new Date(time.toUnixTime() * 1000).toISOString().slice(0, 19)}Z`;

/**
 * Reads an iCalendar file with ical.js, an implementation independent of the writer: registers
 * its VTIMEZONEs, relates each RECURRENCE-ID override to its series and expands the RRULE (with
 * its EXDATEs) into instances.
 */
export function readCalendar(text: string): { calendar: ICAL.Component; series: Map<string, CalendarSeries> } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const byUid = new Map<string, ICAL.Component[]>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const uid = String(component.getFirstPropertyValue('uid'));
    byUid.set(uid, [...(byUid.get(uid) ?? []), component]);
  }
  const series = new Map<string, CalendarSeries>();
  for (const [uid, components] of byUid) {
    const master = components.find((component) => !component.hasProperty('recurrence-id'));
    if (master === undefined) throw new Error(`No main VEVENT for ${uid}`);
    const event = new ICAL.Event(master);
    for (const component of components) if (component !== master) event.relateException(component);
    const instances: { start: string; end: string }[] = [];
    if (event.isRecurring()) {
      const iterator = event.iterator();
      // The iterator answers nothing past the last instance, though its types say otherwise.
      for (let next = iterator.next() as ICAL.Time | undefined; next !== undefined; next = iterator.next()) {
        const details = event.getOccurrenceDetails(next);
        instances.push({ start: utc(details.startDate), end: utc(details.endDate) });
        if (instances.length > 500) throw new Error(`${uid} does not end`);
      }
    } else {
      instances.push({ start: utc(event.startDate), end: utc(event.endDate) });
    }
    instances.sort((a, b) => a.start.localeCompare(b.start));
    const url = master.getFirstPropertyValue('url');
    series.set(uid, {
      uid,
      sequences: components.map((component) => Number(component.getFirstPropertyValue('sequence'))),
      summary: String(master.getFirstPropertyValue('summary')),
      description: String(master.getFirstPropertyValue('description')),
      url: url === null ? null : String(url),
      instances,
    });
  }
  return { calendar, series };
}
