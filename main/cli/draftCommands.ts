import { existsSync, readFileSync, statSync } from 'node:fs';
import type { DraftSummary, ImportSummary, SyncStatus } from '../../shared/drafts/draftSummary';
import { CadenceError } from '../../shared/errors';
import { databaseFile, openDatabase } from '../db/database';
import { importSummary, validSeriesFile, type DraftService } from '../drafts/draftService';
import { createServices } from '../services';
import { parseJsonText } from '../../shared/drafts/jsonText';
import { limits, megabytes } from '../../shared/limits';
import { replacedEventWords } from '../../shared/drafts/replacedSeries';

export interface DraftCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

/** Runs `work` with the data directory's draft service, closing the database afterwards. */
function withDrafts<T>(dataDir: string, work: (drafts: DraftService) => T): T {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    return work(createServices({ db }).drafts);
  } finally {
    db.close();
  }
}

/** Reads a series file as JSON; a file that cannot be read or parsed is invalid input. */
export function readSeriesFile(path: string): unknown {
  let text: string;
  try {
    if (statSync(path).size > limits.seriesFileBytes) {
      throw new CadenceError(
        'invalid_input',
        `${path} is larger than ${megabytes(limits.seriesFileBytes)}, the most Cadence reads of a series file; nothing was imported.`,
        [{ path: '', message: `Split the file: a series file is at most ${megabytes(limits.seriesFileBytes)}.` }],
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CadenceError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CadenceError('invalid_input', `Cannot read ${path} (${reason}).`, [
      { path: '', message: 'Give the path of a series file (JSON) that you may read.' },
    ]);
  }
  const parsed = parseJsonText(text, path);
  if (!parsed.ok) throw new CadenceError('invalid_input', `${parsed.message} Nothing was imported.`, parsed.issues);
  return parsed.value;
}

/** `--dry-run` never creates a database: without one, every series would be new. */
function dryRunWithoutDatabase(input: unknown): ImportSummary {
  const drafts = validSeriesFile(input).series;
  return importSummary(
    drafts,
    drafts.map(() => ({ id: null, isNew: true })),
    true,
  );
}

function plural(count: number, one: string): string {
  return `${String(count)} ${one}${count === 1 ? '' : 's'}`;
}

/** `cadence import FILE [--dry-run]` */
export function runImportCommand(context: DraftCommandContext, file: string, isDryRun: boolean): void {
  const input = readSeriesFile(file);
  const summary =
    isDryRun && !existsSync(databaseFile(context.dataDir))
      ? dryRunWithoutDatabase(input)
      : withDrafts(context.dataDir, (drafts) => drafts.importFile(input, { dryRun: isDryRun }));
  if (context.isJson) {
    context.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const verb = isDryRun ? 'Would import' : 'Imported';
  const lines = [
    `${verb} ${String(summary.series.length)} series: ${String(summary.created)} new, ${String(summary.updated)} updated.`,
    ...summary.series.flatMap((entry) => [
      `  ${entry.action === 'create' ? 'new    ' : 'updated'}  ${entry.name}${entry.key === null ? '' : ` (${entry.key})`} — ${plural(entry.sessions, 'session')}, ${plural(entry.attendees, 'attendee')}`,
      ...(entry.parts.length === 0
        ? []
        : [
            `           on Zoom as ${String(entry.parts.length)} linked events (Zoom holds 60 sessions in one):`,
            ...entry.parts.map(
              (part) =>
                `             ${part.name}: sessions ${String(part.first_occurrence)}–${String(part.first_occurrence + part.count - 1)}`,
            ),
          ]),
    ]),
  ];
  if (isDryRun) lines.push('Nothing was changed (--dry-run).');
  context.stdout.write(`${lines.join('\n')}\n`);
}

const stateWords: Readonly<Record<DraftSummary['sync_state'], string>> = {
  draft: 'draft',
  waiting: 'waiting to sync',
  synced: 'synced',
  published: 'published',
  conflict: 'conflict',
};

/** `cadence drafts` */
export function runDraftsCommand(context: DraftCommandContext): void {
  const drafts = withDrafts(context.dataDir, (service) => service.list());
  if (context.isJson) {
    context.stdout.write(`${JSON.stringify({ drafts })}\n`);
    return;
  }
  if (drafts.length === 0) {
    context.stdout.write('No drafts yet. Import a series file with "cadence import FILE".\n');
    return;
  }
  const rows = drafts.map((draft) => [
    draft.replaced_by === null ? draft.name : `${draft.name} (continues as "${draft.replaced_by.name}")`,
    draft.replaced_by === null ? stateWords[draft.sync_state] : `replaced — ${replacedEventWords(draft.replaced_by)}`,
    draft.parts > 1 ? `${String(draft.sessions)} in ${String(draft.parts)} parts` : String(draft.sessions),
    draft.next_occurrence ?? '—',
    String(draft.attendees),
    String(draft.pending_changes),
    draft.key ?? '',
  ]);
  const header = ['SERIES', 'STATE', 'SESSIONS', 'NEXT', 'ATTENDEES', 'CHANGES', 'KEY'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  context.stdout.write(`${[format(header), ...rows.map(format)].join('\n')}\n`);
}

/** `cadence status` */
export function runStatusCommand(context: DraftCommandContext): void {
  const status: SyncStatus = withDrafts(context.dataDir, (service) => service.status());
  if (context.isJson) {
    context.stdout.write(`${JSON.stringify(status)}\n`);
    return;
  }
  const { outbox } = status;
  context.stdout.write(
    [
      `Changes waiting for Zoom: ${String(status.waiting)} (${String(outbox.pending)} pending, ${String(outbox.in_flight)} in flight, ${String(outbox.blocked)} of them blocked by a conflict)`,
      `Held for you: ${String(outbox.conflict)} by a conflict, ${String(outbox.failed)} refused by Zoom. Sent: ${String(outbox.done)}.`,
      `Open conflicts: ${String(status.conflicts)}`,
      `Last successful sync: ${status.last_sync ?? 'never'}`,
    ].join('\n') + '\n',
  );
}
