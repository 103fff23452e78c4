import { CadenceError } from '../../shared/errors';
import { expandSeries } from '../../shared/recurrence/seriesTiming';

/** Reads all of a stream as text. */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `cadence expand`: `{timezone, start_time, recurrence}` on stdin, the occurrences on stdout.
 * Needs no data directory and no network.
 */
export async function runExpandCommand(stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<void> {
  const text = await readAll(stdin);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new CadenceError('invalid_input', 'The input is not valid JSON.', [
      { path: '', message: 'Send one JSON object: {"timezone", "start_time", "recurrence"}.' },
    ]);
  }
  const result = expandSeries(input);
  if (!result.ok) {
    const count = result.issues.length;
    throw new CadenceError('invalid_input', `The series has ${count} problem${count === 1 ? '' : 's'}.`, result.issues);
  }
  stdout.write(`${JSON.stringify({ occurrences: result.occurrences })}\n`);
}
