import { CadenceError } from '../../shared/errors';
import { maxSessionsPerPart, partLabel, scheduleRanges } from '../../shared/drafts/seriesParts';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { expandSeries, planSeriesTiming, timingFieldsSchema } from '../../shared/recurrence/seriesTiming';

/** Reads all of a stream as text. */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `cadence expand`: `{timezone, start_time, recurrence}` on stdin, the occurrences on stdout.
 * More than one Zoom event holds (60) adds `parts`: the linked events the series becomes on Zoom,
 * each with its label, its first occurrence, its count and its first and last session's times.
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
  if (result.occurrences.length <= maxSessionsPerPart) {
    stdout.write(`${JSON.stringify({ occurrences: result.occurrences })}\n`);
    return;
  }
  // The input has passed these same checks in expandSeries.
  const plan = planSeriesTiming(timingFieldsSchema.parse(input));
  if (!plan.ok) throw new Error('A valid schedule could not be planned again.');
  const { instants } = plan;
  const ranges = scheduleRanges(plan.timing, instants);
  const parts = ranges.map((range, index) => ({
    part: partLabel(index, ranges.length),
    first_occurrence: range.first_occurrence,
    count: range.count,
    start_time: formatInstant(instants[range.first_occurrence - 1]?.start ?? 0),
    end_time: formatInstant(instants[range.first_occurrence + range.count - 2]?.end ?? 0),
  }));
  stdout.write(`${JSON.stringify({ occurrences: result.occurrences, parts })}\n`);
}
