import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type ChannelHandlers } from '../../../../main/ipc/router';
import { createLogger, type Logger } from '../../../../main/log/logger';
import { CadenceError } from '../../../../shared/errors';
import { channelNames } from '../../../../shared/ipc/contract';
import { malformedPayloads } from '../../../support/malformedPayloads';
import { makeTempDir } from '../../../support/tempDir';

const onlineState = { isOnline: true, checkedAt: '2026-11-22T10:00:00.000Z' };

function spyHandlers() {
  return {
    'app.info': vi.fn(() => ({ version: '1.2.3', dataDir: '/data', host: 'serve' as const, online: onlineState })),
    'app.checkOnline': vi.fn(() => onlineState),
    'app.settings': vi.fn(() => ({ auto_sync_when_online: true })),
    'app.changeSettings': vi.fn(() => ({ auto_sync_when_online: false })),
    'drafts.list': vi.fn(() => []),
    'drafts.get': vi.fn(() => {
      throw new CadenceError('not_found', 'This series no longer exists.');
    }),
    'drafts.zoomPages': vi.fn(() => ({ hub_name: null, event_url: null, registration_url: null })),
    'drafts.save': vi.fn(() => ({ id: 's1', isNew: true })),
    'drafts.saveDetails': vi.fn(() => ({ id: 's1', isNew: false })),
    'drafts.duplicate': vi.fn(() => ({ id: 's2', isNew: true })),
    'drafts.delete': vi.fn(() => ({ outcome: 'removed' as const })),
    'drafts.setReady': vi.fn(() => ({ isReady: false })),
    'attendees.list': vi.fn(() => []),
    'attendees.save': vi.fn(() => ({ id: 'a1' })),
    'attendees.remove': vi.fn(() => ({ removed: 1 })),
    'attendees.importBegin': vi.fn(() => ({ importId: 'i1' })),
    'attendees.importRows': vi.fn(() => ({ received: 1 })),
    'attendees.importCommit': vi.fn(() => ({ dry_run: false, added: 0, updated: 0 })),
    'attendees.importCancel': vi.fn(() => ({ wasStaged: true })),
    'attendees.pickers': vi.fn(() => ({ count: 0, names: [] })),
    'attendees.movePicks': vi.fn(() => ({ moved: 0 })),
    'attendees.moveWaiting': vi.fn(() => ({ place: 1 })),
    'attendees.places': vi.fn(() => []),
    'sync.pending': vi.fn(() => []),
    'sync.runs': vi.fn(() => []),
    'drafts.import': vi.fn(() => ({ dry_run: true, created: 0, updated: 0, series: [] })),
    'sync.status': vi.fn(() => ({
      outbox: { pending: 0, in_flight: 0, done: 0, failed: 0, conflict: 0, blocked: 0 },
      waiting: 0,
      conflicts: 0,
      last_sync: null,
    })),
    'zoom.status': vi.fn(() => connectionStatus),
    'zoom.connect': vi.fn(() => ({ hubs: [], status: connectionStatus })),
    'zoom.trySandbox': vi.fn(() => ({ hubs: [], status: connectionStatus })),
    'zoom.test': vi.fn(() => ({ hubs: [], elapsedMs: 1 })),
    'zoom.hubs': vi.fn(() => []),
    'zoom.setPlan': vi.fn(() => connectionStatus),
    'zoom.forget': vi.fn(() => ({ wasConnected: false })),
    'zoom.seedSandbox': vi.fn(() => ({ events: [] })),
    'sync.run': vi.fn(() => ({
      outcome: 'succeeded' as const,
      done: 0,
      waiting: 0,
      conflicts: 0,
      requests: 0,
      message: '',
    })),
    'sync.cancel': vi.fn(() => ({ wasRunning: false })),
    'sync.plan': vi.fn(() => []),
    'conflicts.list': vi.fn(() => []),
    'conflicts.resolve': vi.fn(() => ({ resolved: 1, message: '', can_undo: false })),
    'conflicts.undo': vi.fn(() => ({ reopened: 1, message: '' })),
    'zoom.events': vi.fn(() => ({ events: [] })),
    'zoom.open': vi.fn(() => ({ results: [], requests: 0 })),
    'zoom.refresh': vi.fn(() => ({
      series_id: 's',
      changes: 0,
      new_registrations: 0,
      removed_registrations: 0,
      conflicts: 0,
      is_gone: false,
      refreshed_at: '2026-12-01T00:00:00Z',
    })),
    'zoom.origin': vi.fn(() => ({ opened_at: null, refreshed_at: null, kept_on_zoom: [] })),
    'history.list': vi.fn(() => ({ entries: [] })),
    'drafts.patternChangePreview': vi.fn(),
    'drafts.changePattern': vi.fn(),
    'drafts.links': vi.fn(() => ({ replaces: [], replaced_by: [] })),
    'drafts.parts': vi.fn(() => []),
    'meetings.list': vi.fn(() => []),
    'meetings.get': vi.fn(() => {
      throw new CadenceError('not_found', 'There is no such meeting.');
    }),
    'meetings.save': vi.fn(() => ({ id: 'm', isNew: true })),
    'meetings.delete': vi.fn(() => ({ outcome: 'removed' as const })),
    'meetings.importConfig': vi.fn(() => ({
      dry_run: true,
      meetings: [],
      output_file: 'zoom_meetings.csv',
      warnings: [],
    })),
    'export.file': vi.fn(() => ({ file_name: 'series.csv', media_type: 'text/csv', content: '', series: 0 })),
    'reports.get': vi.fn(() => null),
    'reports.download': vi.fn(() => {
      throw new Error('not in this test');
    }),
    'reports.exportCsv': vi.fn(() => ({ fileName: 'event-attendance.csv', csv: '' })),
    'holidays.calendars': vi.fn(() => []),
    'holidays.between': vi.fn(() => []),
    ...checkInSpies(),
  } satisfies ChannelHandlers;
}

const checkInSettings = {
  desk: 'Door A',
  listOnlyWhenSearching: false,
  badgeLayout: 'name_organisation_ticket' as const,
  badgeSize: '4x3in' as const,
  uploadAutomatically: true,
  kioskPinSet: false,
};
const openKiosk = { locked: false, scope: null, retryAfter: null };

function checkInSpies() {
  return {
    'checkin.events': vi.fn(() => []),
    'checkin.download': vi.fn(() => {
      throw new CadenceError('not_found', 'There is no such series.');
    }),
    'checkin.search': vi.fn(() => ({ total: 0, people: [] })),
    'checkin.record': vi.fn(() => ({ outcome: 'not_registered' as const, person: null, checkIn: null, message: '' })),
    'checkin.undo': vi.fn(() => ({ undone: true })),
    'checkin.status': vi.fn(() => ({ events: [], desk: 'Door A' })),
    'checkin.numbers': vi.fn(() => ({
      counts: { registered: 0, checkedIn: 0, waiting: 0, refused: 0 },
      sessions: [],
      desks: [],
      overTime: [],
    })),
    'checkin.exportCsv': vi.fn(() => ({ fileName: 'Event check-ins.csv', csv: '' })),
    'checkin.settings': vi.fn(() => checkInSettings),
    'checkin.changeSettings': vi.fn(() => checkInSettings),
    'checkin.setKioskPin': vi.fn(() => checkInSettings),
    'checkin.kiosk': vi.fn(() => openKiosk),
    'checkin.lockKiosk': vi.fn(() => openKiosk),
    'checkin.unlockKiosk': vi.fn(() => openKiosk),
    'checkin.upload': vi.fn(() => ({
      outcome: 'nothing_to_upload' as const,
      uploaded: 0,
      alreadyOnZoom: 0,
      refusals: [],
      waiting: 0,
      requests: 0,
      readBackRequests: 0,
      message: '',
    })),
  };
}

const connectionStatus = {
  isConnected: false,
  source: null,
  accountId: null,
  plan: 'pro' as const,
  apiUrl: 'https://api.zoom.us/v2',
  oauthUrl: 'https://zoom.us/oauth/token',
  isEndpointFromEnvironment: false,
  scopeWarnings: [],
  keychainProblem: null,
};

let dir: ReturnType<typeof makeTempDir>;
let logger: Logger;

beforeEach(() => {
  dir = makeTempDir();
  logger = createLogger(`${dir.path}/logs/cadence.log`);
});
afterEach(() => dir.remove());

describe('router', () => {
  describe.each(channelNames)('channel %s', (channel) => {
    it.each(malformedPayloads)('refuses $kind without calling its handler', async ({ payload }) => {
      const handlers = spyHandlers();
      const result = await createRouter(handlers, logger).dispatch(channel, payload);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues.length).toBeGreaterThan(0);
      for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    });
  });

  it('names the offending field of a malformed payload', async () => {
    const result = await createRouter(spyHandlers(), logger).dispatch('app.info', { verbose: true });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The request to "app.info" has a problem.',
        issues: [{ path: 'verbose', message: 'This field is not expected here.' }],
      },
    });
  });

  it('refuses an unknown channel without calling any handler', async () => {
    const handlers = spyHandlers();
    const result = await createRouter(handlers, logger).dispatch('vault.readSecret', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel', issues: [] } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses names that only look like channels, such as prototype members', async () => {
    const router = createRouter(spyHandlers(), logger);
    for (const name of ['toString', '__proto__', 'constructor', 'app', 'app.info.extra', '']) {
      await expect(router.dispatch(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('answers the handler result for valid input', async () => {
    const handlers = spyHandlers();
    const result = await createRouter(handlers, logger).dispatch('app.info', {});
    expect(result).toEqual({
      ok: true,
      value: { version: '1.2.3', dataDir: '/data', host: 'serve', online: onlineState },
    });
    expect(handlers['app.info']).toHaveBeenCalledWith({});
  });

  it('passes an expected failure through as its typed error', async () => {
    const handlers = spyHandlers();
    handlers['app.checkOnline'].mockImplementation(() => {
      throw new CadenceError('unavailable', 'Zoom is not answering.', [{ path: 'apiUrl', message: 'timed out' }]);
    });
    const result = await createRouter(handlers, logger).dispatch('app.checkOnline', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'Zoom is not answering.',
        issues: [{ path: 'apiUrl', message: 'timed out' }],
      },
    });
  });

  it('turns a bug into an internal error that points at the log, and logs it', async () => {
    const handlers = spyHandlers();
    handlers['app.checkOnline'].mockImplementation(() => {
      throw new TypeError('cannot read properties of undefined');
    });
    const result = await createRouter(handlers, logger).dispatch('app.checkOnline', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (result.ok) return;
    expect(result.error.message).toContain(logger.file);
    expect(result.error.message).not.toContain('cannot read properties');
    const log = readFileSync(logger.file, 'utf8');
    expect(log).toContain('cannot read properties of undefined');
    expect(log).toContain('app.checkOnline');
  });

  it('refuses to answer a result that breaks the contract', async () => {
    const handlers = spyHandlers();
    handlers['app.checkOnline'].mockReturnValue({ isOnline: 'yes' } as never);
    const result = await createRouter(handlers, logger).dispatch('app.checkOnline', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
