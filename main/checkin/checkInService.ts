import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  CheckInMatches,
  CheckInPerson,
  CheckInResult,
  CheckInScope,
  CheckInSession,
  checkInSearchSchema,
  recordCheckInSchema,
} from '../../shared/checkin/checkIn';
import { CadenceError } from '../../shared/errors';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import type { CheckInEventRow, CheckInListStore, RegistrantRow } from '../db/checkInListStore';
import type { CheckInSearchQueries } from '../db/checkInSearchQueries';
import type { CheckInSettingsStore } from '../db/checkInSettingsStore';
import { publicCheckIn, type CheckInStore, type StoredCheckIn } from '../db/checkInStore';
import { alreadyCheckedIn, displayName, sessionWords } from './checkInWords';

export type RecordCheckInInput = z.output<typeof recordCheckInSchema>;
export type CheckInSearchInput = z.output<typeof checkInSearchSchema>;

/** A downloaded event with the session a scope names, checked to exist. */
export interface ScopeOnList {
  event: CheckInEventRow;
  session: CheckInSession | null;
}

export interface CheckInServiceDeps {
  list: CheckInListStore;
  search: CheckInSearchQueries;
  checkIns: CheckInStore;
  settings: CheckInSettingsStore;
  now: () => number;
}

/**
 * The desk's work, offline: find people on a downloaded list, record check-ins at once (one
 * transaction each), take one back before it is uploaded. Hosts, the kiosk and the upload call it.
 */
export class CheckInService {
  constructor(private readonly deps: CheckInServiceDeps) {}

  /**
   * The event and session a scope names; a typed error naming the field (under `at`, such as
   * "scope.") when this laptop lacks them.
   */
  scopeOnList(scope: CheckInScope, at = ''): ScopeOnList {
    const event = this.deps.list.event(scope.eventId);
    if (event === undefined) {
      throw new CadenceError('not_found', 'This event has not been downloaded for check-in on this laptop.', [
        { path: `${at}eventId`, message: `Download the event ${scope.eventId} first.` },
      ]);
    }
    if (scope.sessionId === null) return { event, session: null };
    const session = this.deps.list.sessions(scope.eventId).find((each) => each.sessionId === scope.sessionId);
    if (session === undefined) {
      throw new CadenceError('invalid_input', `“${event.name}” has no such session.`, [
        { path: `${at}sessionId`, message: `The event has no session ${scope.sessionId}.` },
      ]);
    }
    return { event, session };
  }

  search(input: CheckInSearchInput): CheckInMatches {
    const scope = { eventId: input.eventId, sessionId: input.sessionId };
    this.scopeOnList(scope);
    const hits = this.deps.search.search(input.eventId, input.query, input.limit);
    return { total: hits.total, people: hits.rows.map((row) => this.person(row, scope)) };
  }

  /**
   * Records a check-in, or says why not, in one transaction: a second desk process cannot slip
   * between the look at earlier check-ins and the insert. Walk-ins are refused (`not_registered`)
   * where `allowWalkIns` is false, as at a kiosk.
   */
  record(input: RecordCheckInInput, options: { allowWalkIns: boolean } = { allowWalkIns: true }): CheckInResult {
    const scope = { eventId: input.eventId, sessionId: input.sessionId };
    const { event, session } = this.scopeOnList(scope);
    const desk = input.desk ?? this.deps.settings.read().desk;
    const { who } = input;
    const { list, checkIns, now } = this.deps;
    return checkIns.inTransaction((): CheckInResult => {
      const registrant =
        who.kind === 'scan'
          ? this.deps.search.scanned(scope.eventId, who.text)
          : list.registrant(scope.eventId, who.email);
      if (registrant === undefined && (who.kind === 'scan' || !options.allowWalkIns)) {
        return {
          outcome: 'not_registered',
          person: null,
          checkIn: null,
          message:
            who.kind === 'scan'
              ? 'Not registered: nobody on the list has this ticket.'
              : `Not registered: ${who.email} is not on the list.`,
        };
      }
      const email = registrant?.email ?? (who.kind === 'scan' ? '' : who.email);
      const person = registrant === undefined ? null : this.person(registrant, scope);
      const earlier = checkIns.current(scope, email);
      if (earlier !== undefined) {
        return {
          outcome: 'already_checked_in',
          person: person ?? this.walkInPerson(earlier),
          checkIn: publicCheckIn(earlier),
          message: alreadyCheckedIn(earlier, event.timezone, now()),
        };
      }
      if (person !== null && !person.admitted) {
        return {
          outcome: 'no_ticket_for_session',
          person,
          checkIn: null,
          message: `${displayName(person)} has no ticket for ${session === null ? 'this session' : sessionWords(session, event.timezone)}.`,
        };
      }
      const details =
        who.kind === 'walk_in' && person === null ? who : { firstName: '', lastName: '', organisation: '' };
      const recorded = checkIns.add({
        id: randomUUID(),
        scope,
        email,
        recordedAt: formatInstant(now()),
        desk,
        walkIn: person === null,
        firstName: details.firstName,
        lastName: details.lastName,
        organisation: details.organisation,
      });
      if (person === null) {
        return {
          outcome: 'walk_in',
          person: this.walkInPerson(recorded),
          checkIn: publicCheckIn(recorded),
          message: `Walk-in: ${email} is not on the downloaded list. Recorded; Zoom decides at upload.`,
        };
      }
      return {
        outcome: 'checked_in',
        person: { ...person, checkIn: publicCheckIn(recorded) },
        checkIn: publicCheckIn(recorded),
        message: `Checked in: ${displayName(person)}`,
      };
    });
  }

  /**
   * Takes back a check-in recorded here before it is uploaded; it stays, marked undone. Answers
   * false when it was undone already; a check-in sent to Zoom, or made at another desk, is an error.
   */
  undo(checkInId: string): { undone: boolean } {
    const { checkIns } = this.deps;
    const found = checkIns.get(checkInId);
    const field = (message: string) => [{ path: 'checkInId', message }];
    if (found === undefined) {
      throw new CadenceError(
        'not_found',
        'There is no such check-in on this laptop.',
        field('No check-in has this ID.'),
      );
    }
    if (found.origin === 'elsewhere') {
      throw new CadenceError(
        'forbidden',
        'This check-in was made at another desk and is already on Zoom; Zoom has no undo.',
        field('Made at another desk.'),
      );
    }
    if (checkIns.undo(checkInId)) return { undone: true };
    const state = checkIns.get(checkInId)?.state;
    if (state === 'undone') return { undone: false };
    throw new CadenceError(
      'conflict',
      state === 'refused'
        ? 'Zoom refused this check-in already; there is nothing to take back.'
        : 'This check-in has already been sent to Zoom, which has no undo.',
      field(state === 'refused' ? 'Refused by Zoom.' : 'Sent to Zoom.'),
    );
  }

  /** Check-ins recorded here that wait for upload, oldest first (of one event, or of all). */
  waiting(eventId?: string): StoredCheckIn[] {
    return this.deps.checkIns.waiting(eventId);
  }

  private person(row: RegistrantRow, scope: CheckInScope): CheckInPerson {
    const tickets = this.deps.list.tickets(scope.eventId, row.email_key);
    const everySession = tickets.length === 0 || tickets.some((ticket) => ticket.sessionId === null);
    const sessionIds = everySession ? null : [...new Set(tickets.flatMap((ticket) => ticket.sessionId ?? []))];
    const shown = this.deps.checkIns.shown(scope, row.email);
    return {
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      organisation: row.organisation,
      ticketType: row.ticket_type,
      ticketIds: [...new Set(tickets.map((ticket) => ticket.ticketId))],
      sessionIds,
      admitted: scope.sessionId === null || sessionIds === null || sessionIds.includes(scope.sessionId),
      checkIn: shown === undefined ? null : publicCheckIn(shown),
    };
  }

  /** A walk-in as the desk wrote them down, for the result and the badge. */
  private walkInPerson(checkIn: StoredCheckIn): CheckInPerson {
    return {
      email: checkIn.email,
      ...checkIn.walkInDetails,
      ticketType: '',
      ticketIds: [],
      sessionIds: null,
      admitted: false,
      checkIn: publicCheckIn(checkIn),
    };
  }
}
