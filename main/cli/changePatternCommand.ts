import { z } from 'zod';
import type { OldEvent, PatternChangePreview } from '../../shared/drafts/patternChange';
import { CadenceError } from '../../shared/errors';
import { readSeriesFile } from './draftCommands';
import { terminalSafe } from './terminalText';
import { withServices } from './withServices';

export interface ChangePatternContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

/** What the command needs of a series file before the series' own rules read the draft. */
const fileShapeSchema = z.object({ series: z.array(z.record(z.string(), z.unknown())) });

function plural(count: number, one: string): string {
  return `${String(count)} ${one}${count === 1 ? '' : 's'}`;
}

/**
 * The edited series from a series file: its only series, or the one with the series' key. The
 * file's attendees are left out: every registration is carried over as stored.
 */
function editedDraft(input: unknown, series: string): Record<string, unknown> {
  const file = fileShapeSchema.safeParse(input);
  if (!file.success) {
    throw new CadenceError('invalid_input', 'The file is not a series file: it has no list of series.', [
      { path: 'series', message: 'A series file has a "series" list; export one with cadence export --format series.' },
    ]);
  }
  const entries = file.data.series;
  const chosen = entries.length === 1 ? entries[0] : entries.find((entry) => entry.key === series);
  if (chosen === undefined) {
    throw new CadenceError(
      'invalid_input',
      `The file has ${plural(entries.length, 'series')} and none with key "${series}".`,
      [{ path: 'series', message: 'Give a file with just the edited series, or one whose key is the series named.' }],
    );
  }
  const draft = { ...chosen };
  delete draft.attendees;
  return draft;
}

/** "Part 2 of 3 (event 8Jk…, 2027-03-05T14:00:00Z to 2027-05-03T13:00:00Z)". */
function eventWords(event: OldEvent): string {
  const label =
    event.part === null ? 'The old event' : `Part ${String(event.part.position)} of ${String(event.part.of)}`;
  return `${label} (event ${event.event_id}, ${event.first_start} to ${event.last_start})`;
}

function sentences(preview: PatternChangePreview): string[] {
  const lines = [
    `  ${preview.old_pattern} → ${preview.new_pattern}`,
    `  New ${preview.new_events > 1 ? 'series' : 'event'} "${preview.new_name}": ${plural(preview.sessions, 'session')}, ${preview.first_start} to ${preview.last_start} (${preview.timezone})${preview.new_events > 1 ? `, as ${String(preview.new_events)} linked events on Zoom` : ''}.`,
  ];
  if (preview.skipped_past > 0) {
    lines.push(`  ${plural(preview.skipped_past, 'session')} of the new pattern already past, left out.`);
  }
  lines.push(
    `  ${plural(preview.registrations, 'registration')} carried over${preview.sends_tickets ? '; Zoom emails each person a ticket' : ''}.`,
  );
  if (preview.unmapped.length > 0) {
    lines.push('  Chosen sessions with no session on the same day:');
    for (const choice of preview.unmapped) {
      const instead =
        choice.replacement === null
          ? 'dropped'
          : `nearest session instead: ${String(choice.replacement.occurrence)} (${choice.replacement.start_time})`;
      lines.push(
        `    ${choice.email}: session ${String(choice.from.occurrence)} (${choice.from.start_time}), ${instead}`,
      );
    }
  }
  if (preview.changes_carried > 0 || preview.changes_dropped.length > 0) {
    lines.push(
      `  Changes to single sessions: ${String(preview.changes_carried)} carried, ${String(preview.changes_dropped.length)} without a session on the same day.`,
    );
  }
  for (const kept of preview.kept_events) {
    lines.push(`  ${eventWords(kept)} has ended and stays on Zoom as it is.`);
  }
  const inParts = preview.cancelled_events.some((event) => event.part !== null);
  lines.push(
    inParts
      ? `  Cancelled on Zoom, and Zoom sends their registrants this message: ${preview.cancelled_events.map(eventWords).join(', ')}.`
      : '  The old event is cancelled on Zoom, and Zoom sends its registrants this message:',
    `    ${preview.cancel_message}`,
  );
  return lines.map(terminalSafe);
}

/**
 * `cadence change-pattern SERIES FILE [--message TEXT] [--dry-run]`: a published series' new
 * pattern, which Zoom locks, as the app's guided change: a new series with every registration,
 * the old event cancelled at the next sync. The dry run shows the same plan and changes nothing.
 */
export async function runChangePatternCommand(
  context: ChangePatternContext,
  series: string,
  file: string,
  options: { message?: string; dryRun: boolean },
): Promise<void> {
  const draft = editedDraft(readSeriesFile(file), series);
  await withServices(context.dataDir, ({ stores, patternChange }) => {
    const id = stores.series.idForKey(series) ?? series;
    const request = { id, draft, ...(options.message === undefined ? {} : { cancelMessage: options.message }) };
    if (options.dryRun) {
      const preview = patternChange.preview(request);
      if (context.isJson) context.stdout.write(`${JSON.stringify({ dry_run: true, preview })}\n`);
      else
        context.stdout.write(
          [
            `Would change the pattern of "${terminalSafe(preview.old_name)}" (nothing changed):`,
            ...sentences(preview),
          ].join('\n') + '\n',
        );
      return;
    }
    const changed = patternChange.confirm(request);
    if (context.isJson) {
      context.stdout.write(`${JSON.stringify({ dry_run: false, id: changed.id, preview: changed.preview })}\n`);
      return;
    }
    context.stdout.write(
      [
        `Changed the pattern of "${terminalSafe(changed.preview.old_name)}":`,
        ...sentences(changed.preview),
        `The new series is ${changed.id}. Run "cadence sync" to make it on Zoom and cancel the old event.`,
      ].join('\n') + '\n',
    );
  });
}
