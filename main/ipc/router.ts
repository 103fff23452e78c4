import type { z } from 'zod';
import { CadenceError } from '../../shared/errors';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelResult,
  type Channels,
} from '../../shared/ipc/contract';
import { issuesFromZod, type IpcResult } from '../../shared/ipc/envelope';
import type { Logger } from '../log/logger';

/** One function per contract channel; it receives input that has already passed the schema. */
export type ChannelHandlers = {
  [C in ChannelName]: (input: z.output<Channels[C]['input']>) => Promise<ChannelResult<C>> | ChannelResult<C>;
};

/** Validates and dispatches calls from any host; the only way into the services from outside. */
export interface Router {
  dispatch(channel: string, payload: unknown): Promise<IpcResult<unknown>>;
}

/** What the router asks before and after each call: may it pass, and with what input. */
export interface CallGate {
  /** The input to run the channel with; throws a `CadenceError` to refuse the call. */
  admit(channel: ChannelName, input: unknown): unknown;
  /** Told of each answer the channel gave. */
  answered(channel: ChannelName, value: unknown): void;
}

/** Lets every call through as asked. */
const openGate: CallGate = { admit: (_channel, input) => input, answered: () => undefined };

/** `gate` may hold calls back or narrow their input (the kiosk lock); everything passes by default. */
export function createRouter(handlers: ChannelHandlers, logger: Logger, gate: CallGate = openGate): Router {
  async function dispatch(channel: string, payload: unknown): Promise<IpcResult<unknown>> {
    if (!isChannelName(channel)) {
      return failure(new CadenceError('unknown_channel', `There is no channel called "${channel}".`));
    }
    const definition = channels[channel];
    const parsed = definition.input.safeParse(payload);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return failure(new CadenceError('invalid_input', describeInvalid(channel, issues.length), issues));
    }
    try {
      // The cast is sound: `parsed.data` was produced by this very channel's schema.
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value: unknown = await handler(gate.admit(channel, parsed.data));
      const answer: unknown = definition.result.parse(value);
      gate.answered(channel, answer);
      return { ok: true, value: answer };
    } catch (error) {
      if (error instanceof CadenceError) return failure(error);
      logger.error('ipc handler failed', { channel, error });
      return failure(
        new CadenceError('internal', `Cadence could not complete "${channel}". Details are in ${logger.file}.`),
      );
    }
  }
  return { dispatch };
}

function failure(error: CadenceError): IpcResult<never> {
  return { ok: false, error: error.toIpcError() };
}

function describeInvalid(channel: string, count: number): string {
  return count === 1
    ? `The request to "${channel}" has a problem.`
    : `The request to "${channel}" has ${count} problems.`;
}
