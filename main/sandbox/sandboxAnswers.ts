import type { Issue } from '../../shared/ipc/envelope';

/** The sandbox's answer to one request, as Zoom would give it. */
export interface SandboxAnswer {
  status: number;
  body?: unknown;
  /** Headers Zoom adds to this answer (a daily limit's `Retry-After`, …). */
  headers?: Readonly<Record<string, string>>;
}

/** Zoom's error answer. */
export function zoomError(status: number, code: number, message: string, errors?: Issue[]): SandboxAnswer {
  return {
    status,
    body: {
      code,
      message,
      ...(errors === undefined ? {} : { errors: errors.map((e) => ({ field: e.path, message: e.message })) }),
    },
  };
}

/** A refusal found while handling: thrown inside a handler, answered as Zoom would. */
export class Refusal extends Error {
  constructor(readonly answer: SandboxAnswer) {
    super('refused');
  }
}
export const refuse = (status: number, code: number, message: string, errors?: Issue[]): never => {
  throw new Refusal(zoomError(status, code, message, errors));
};

/** One page of a list, `next_page_token` the offset of the next one. */
export function pageOf<T>(
  items: readonly T[],
  query: URLSearchParams,
): { total_records: number; next_page_token: string; page: T[] } {
  const size = Number(query.get('page_size') ?? '30');
  if (!Number.isInteger(size) || size < 1 || size > 300) {
    refuse(400, 300, 'Validation Failed.', [{ path: 'page_size', message: 'must be between 1 and 300' }]);
  }
  const token = query.get('next_page_token');
  const offset = token === null || token === '' ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) refuse(400, 300, 'The next page token is invalid or expired.');
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? Buffer.from(String(offset + size), 'utf8').toString('base64url') : '';
  return { total_records: items.length, next_page_token: next, page };
}
