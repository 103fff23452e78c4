import type Database from 'better-sqlite3';
import { recentSyncRuns } from '../../db/syncOverviewQueries';
import type { ZoomPageStore } from '../../db/zoomPageStore';
import type { AttendeeImports } from '../../drafts/attendeeImports';
import type { AttendeeService } from '../../drafts/attendeeService';
import type { DraftService } from '../../drafts/draftService';
import type { ChannelHandlers } from '../router';

type DraftChannels =
  | 'drafts.list'
  | 'drafts.get'
  | 'drafts.zoomPages'
  | 'drafts.save'
  | 'drafts.saveDetails'
  | 'drafts.duplicate'
  | 'drafts.delete'
  | 'drafts.setReady'
  | 'drafts.parts'
  | 'drafts.import'
  | 'attendees.list'
  | 'attendees.save'
  | 'attendees.remove'
  | 'attendees.importBegin'
  | 'attendees.importRows'
  | 'attendees.importCommit'
  | 'attendees.importCancel'
  | 'attendees.pickers'
  | 'attendees.movePicks'
  | 'attendees.moveWaiting'
  | 'attendees.places'
  | 'sync.status'
  | 'sync.runs';

/** Channels about drafts, their attendees and the outbox. */
export function createDraftHandlers(deps: {
  db: Database.Database;
  drafts: DraftService;
  attendees: AttendeeService;
  pages: ZoomPageStore;
  attendeeImports: AttendeeImports;
}): Pick<ChannelHandlers, DraftChannels> {
  const { drafts, attendees, attendeeImports, pages } = deps;
  return {
    'drafts.list': () => drafts.list(),
    'drafts.get': ({ id, attendees: withAttendees }) => drafts.get(id, { withAttendees }),
    'drafts.zoomPages': ({ id }) => pages.get(id),
    'drafts.save': ({ id, draft }) => drafts.save(id, draft),
    'drafts.saveDetails': ({ id, draft }) => drafts.saveDetails(id, draft),
    'drafts.duplicate': ({ id }) => drafts.duplicate(id),
    'drafts.delete': ({ id }) => ({ outcome: drafts.delete(id) }),
    'drafts.setReady': ({ id, isReady }) => {
      drafts.setReady(id, isReady);
      return { isReady };
    },
    'drafts.parts': ({ id }) => drafts.parts(id),
    'drafts.import': ({ file, dryRun }) => drafts.importFile(file, { dryRun }),
    'attendees.list': ({ seriesId }) => attendees.list(seriesId),
    'attendees.save': ({ seriesId, id, attendee }) => attendees.save(seriesId, id, attendee),
    'attendees.remove': ({ seriesId, ids }) => attendees.remove(seriesId, ids),
    'attendees.importBegin': ({ seriesId, total }) => attendeeImports.begin(seriesId, total),
    'attendees.importRows': ({ importId, offset, attendees: rows }) => attendeeImports.add(importId, offset, rows),
    'attendees.importCommit': ({ importId }) => attendeeImports.commit(importId),
    'attendees.importCancel': ({ importId }) => attendeeImports.cancel(importId),
    'attendees.pickers': ({ seriesId, occurrence }) => attendees.pickers(seriesId, occurrence),
    'attendees.movePicks': ({ seriesId, from, to }) => attendees.movePicks(seriesId, from, to),
    'attendees.moveWaiting': ({ seriesId, id, place }) => attendees.moveWaiting(seriesId, id, place),
    'attendees.places': ({ seriesId }) => attendees.places(seriesId),
    'sync.status': () => drafts.status(),
    'sync.runs': ({ limit }) => recentSyncRuns(deps.db, limit),
  };
}
