import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CadenceError } from '../../shared/errors';
import type { ExportFormat } from '../../shared/export/exportFile';
import { seriesToExport } from '../db/exportQueries';
import { withServices } from './withServices';

export interface ExportCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

export interface ExportOptions {
  format: ExportFormat;
  out?: string;
  series?: string[];
}

/**
 * Replaces `path` whole: the text goes to a file beside it, then takes its name, so a calendar
 * reading the file meanwhile sees the old export or the new one, never half of one.
 */
function replaceFile(path: string, text: string): void {
  const partial = `${path}.${String(process.pid)}.partial`;
  try {
    writeFileSync(partial, text, 'utf8');
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unwritable';
    throw new CadenceError('invalid_input', `Cannot write ${path} (${reason}).`, [
      { path: 'out', message: 'Give the path of a file in a folder you may write to.' },
    ]);
  }
}

/**
 * `cadence export --format csv|attendees_csv|ics|series [--out FILE] [--series KEY…]`: the series
 * named by key (or ID), or all of them, to FILE or stdout. A name that is no series is invalid
 * input, and nothing is written.
 */
export async function runExportCommand(context: ExportCommandContext, options: ExportOptions): Promise<void> {
  const exported = await withServices(context.dataDir, ({ db, exporter }) => {
    const names = options.series ?? [];
    const live = seriesToExport(db, undefined).found;
    const byKey = new Map(live.flatMap((row) => (row.key === null ? [] : [[row.key, row.id] as const])));
    const byId = new Set(live.map((row) => row.id));
    const ids = names.map((name) => byKey.get(name) ?? (byId.has(name) ? name : undefined));
    const unknown = names.flatMap((name, index) => (ids[index] === undefined ? [{ name, index }] : []));
    if (unknown.length > 0) {
      throw new CadenceError(
        'invalid_input',
        `No series has the key ${unknown.map(({ name }) => `"${name}"`).join(', ')}. Nothing was exported.`,
        unknown.map(({ name, index }) => ({
          path: `series[${String(index)}]`,
          message: `No series has the key or ID "${name}" ("cadence drafts" lists them).`,
        })),
      );
    }
    return exporter.export({
      format: options.format,
      ...(names.length === 0 ? {} : { seriesIds: ids.filter((id): id is string => id !== undefined) }),
    });
  });
  const file = options.out === undefined ? null : resolve(options.out);
  if (file !== null) replaceFile(file, exported.content);
  if (context.isJson) {
    const answer = { file, series: exported.series, ...(file === null ? { content: exported.content } : {}) };
    context.stdout.write(`${JSON.stringify(answer)}\n`);
  } else if (file === null) {
    // As bytes: the file's own line ends (CRLF in CSV and iCalendar) reach the pipe unchanged.
    context.stdout.write(Buffer.from(exported.content, 'utf8'));
  } else {
    context.stdout.write(`Exported ${String(exported.series)} series to ${file}.\n`);
  }
}
