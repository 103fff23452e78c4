import type { CheckInDesk } from '../../checkin/checkInDesk';
import type { ChannelHandlers } from '../router';

type CheckInChannels =
  | 'checkin.events'
  | 'checkin.download'
  | 'checkin.search'
  | 'checkin.record'
  | 'checkin.undo'
  | 'checkin.status'
  | 'checkin.numbers'
  | 'checkin.exportCsv'
  | 'checkin.settings'
  | 'checkin.changeSettings'
  | 'checkin.setKioskPin'
  | 'checkin.kiosk'
  | 'checkin.lockKiosk'
  | 'checkin.unlockKiosk';

/** Channels of the check-in desk (uploading has its own). */
export function createCheckInHandlers(desk: CheckInDesk): Pick<ChannelHandlers, CheckInChannels> {
  const { service, overview, kiosk, settings } = desk;
  return {
    'checkin.events': () => overview.events(),
    'checkin.download': ({ from }) => desk.download(from),
    'checkin.search': (input) => service.search(input),
    // A kiosk admits people on the list only: a walk-in needs staff.
    'checkin.record': (input) => service.record(input, { allowWalkIns: !kiosk.state().locked }),
    'checkin.undo': ({ checkInId }) => service.undo(checkInId),
    'checkin.status': () => overview.status(),
    'checkin.numbers': (scope) => {
      service.scopeOnList(scope);
      return overview.numbers(scope);
    },
    'checkin.exportCsv': ({ eventId }) => desk.exportCsv(eventId),
    'checkin.settings': () => settings.read(),
    'checkin.changeSettings': (change) => settings.change(change),
    'checkin.setKioskPin': ({ pin }) => kiosk.setPin(pin),
    'checkin.kiosk': () => kiosk.state(),
    'checkin.lockKiosk': ({ scope }) => {
      service.scopeOnList(scope, 'scope.');
      return kiosk.lock(scope);
    },
    'checkin.unlockKiosk': ({ pin }) => kiosk.unlock(pin),
  };
}
