import { DateTime } from 'luxon';
import Papa from 'papaparse';
import type { CheckInEventRow, CheckInListStore } from '../db/checkInListStore';
import type { CheckInStore } from '../db/checkInStore';

const columns = [
  'email',
  'first name',
  'last name',
  'organisation',
  'session',
  'checked in at',
  'desk',
  'state',
  "Zoom's refusal",
] as const;

/** Characters no file name may hold on Windows, macOS or Linux. */
const unsafeInFileName = /[\\/:*?"<>|\p{Cc}]+/gu;

/** "Spring Summit check-ins.csv", from the event's name. */
export function csvFileName(eventName: string): string {
  const name = eventName.replace(unsafeInFileName, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${name === '' ? 'Event' : name} check-ins.csv`;
}

/**
 * Who checked in when and where: one row per check-in not taken back, times in the event's zone
 * with their offset. Cells that a spreadsheet would run as a formula are quoted by papaparse.
 */
export function checkInCsv(
  event: CheckInEventRow,
  deps: { list: CheckInListStore; checkIns: CheckInStore },
): { fileName: string; csv: string } {
  const zone = event.timezone;
  const sessions = new Map(deps.list.sessions(event.event_id).map((session) => [session.sessionId, session]));
  const rows = deps.checkIns.ofEvent(event.event_id).map((checkIn) => {
    const person = deps.list.registrant(event.event_id, checkIn.email);
    const names = person
      ? { first: person.first_name, last: person.last_name, organisation: person.organisation }
      : {
          first: checkIn.walkInDetails.firstName,
          last: checkIn.walkInDetails.lastName,
          organisation: checkIn.walkInDetails.organisation,
        };
    const session = checkIn.sessionId === null ? undefined : sessions.get(checkIn.sessionId);
    const sessionStart =
      session === undefined
        ? ''
        : DateTime.fromISO(session.startTime, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
    return [
      checkIn.email,
      names.first,
      names.last,
      names.organisation,
      session === undefined ? (checkIn.sessionId ?? '') : `${String(session.position)} (${sessionStart})`,
      checkIn.recordedAt === null
        ? ''
        : (DateTime.fromISO(checkIn.recordedAt, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true }) ??
          ''),
      checkIn.desk ?? '',
      checkIn.state,
      checkIn.refusal ?? '',
    ];
  });
  return {
    fileName: csvFileName(event.name),
    csv: Papa.unparse({ fields: [...columns], data: rows }, { escapeFormulae: true, newline: '\r\n' }),
  };
}
