import type { z } from 'zod';
import type { CheckInResult, KioskState } from '../../shared/checkin/checkIn';
import { CadenceError } from '../../shared/errors';
import type { ChannelName, Channels } from '../../shared/ipc/contract';
import type { CallGate } from './router';

/** Channels a locked kiosk answers as asked. */
const openWhileLocked = new Set<ChannelName>([
  'app.info',
  'app.checkOnline',
  'checkin.kiosk',
  'checkin.settings',
  'checkin.unlockKiosk',
]);

type Input<C extends ChannelName> = z.output<Channels[C]['input']>;

/**
 * While the kiosk is locked, main answers only what self check-in needs, whatever the page asks:
 * search and record are held to the kiosk's event or session (and record admits no walk-ins, see
 * the check-in handlers), undo only the kiosk's own last check-in; everything else is refused.
 */
export function kioskGate(kiosk: () => KioskState): CallGate {
  let lastCheckInId: string | undefined;
  const refuse = (): never => {
    throw new CadenceError('locked', 'Cadence is locked to self check-in; leave it with the PIN.');
  };
  return {
    admit(channel, input) {
      const { scope } = kiosk();
      if (scope === null) {
        lastCheckInId = undefined;
        return input;
      }
      if (openWhileLocked.has(channel)) return input;
      if (channel === 'checkin.search') return { ...(input as Input<'checkin.search'>), ...scope };
      if (channel === 'checkin.record') return { ...(input as Input<'checkin.record'>), ...scope };
      if (channel === 'checkin.undo' && (input as Input<'checkin.undo'>).checkInId === lastCheckInId) return input;
      return refuse();
    },
    answered(channel, value) {
      if (channel !== 'checkin.record' || kiosk().scope === null) return;
      const result = value as CheckInResult;
      if (result.outcome === 'checked_in' && result.checkIn !== null) lastCheckInId = result.checkIn.id;
    },
  };
}
