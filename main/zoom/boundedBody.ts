import type { Dispatcher } from 'undici';

/**
 * The most Cadence reads of one answer. Zoom's largest pages (300 registrations with their
 * profile fields) are well under a megabyte; anything past this is not an answer to use.
 */
export const maxAnswerBytes = 16 * 1024 * 1024;

/** An answer larger than `maxAnswerBytes`: reading stopped there, and the connection was dropped. */
export class AnswerTooLargeError extends Error {
  readonly code = 'CADENCE_ANSWER_TOO_LARGE';
  constructor(readonly limit: number) {
    super(`the answer was larger than ${String(limit / 1024 / 1024)} MB, the most Cadence reads`);
    this.name = 'AnswerTooLargeError';
  }
}

/** Reads an answer's body as text, stopping (and dropping the rest) once it passes `limit` bytes. */
export async function readBoundedText(
  body: Dispatcher.ResponseData['body'],
  limit: number = maxAnswerBytes,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      body.destroy();
      throw new AnswerTooLargeError(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
