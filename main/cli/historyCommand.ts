import { historySourceSchema, type HistoryEntry } from '../../shared/history/seriesHistory';
import { CadenceError } from '../../shared/errors';
import { withServices } from './withServices';
import { terminalSafe } from './terminalText';

export interface HistoryCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

const sourceWords: Readonly<Record<HistoryEntry['source'], string>> = {
  here: 'this laptop',
  zoom: 'Zoom',
  planner: 'another planner',
  resolution: 'resolution',
  opened: 'opened',
};

const shown = (value: unknown) => (value === null ? '—' : JSON.stringify(value));

function line(entry: HistoryEntry): string {
  const where = [entry.item, entry.subject, entry.field === '*' ? null : entry.field].filter(Boolean).join(' · ');
  const who = `${sourceWords[entry.source]}${entry.resolution === null ? '' : ` (${entry.resolution.replace('_', ' ')})`}`;
  const undo = entry.can_undo ? `  [cadence resolve ${String(entry.conflict_id)} --undo]` : '';
  return `${entry.at}  ${who.padEnd(16)}  ${where}: ${shown(entry.old)} → ${shown(entry.new)}${undo}`;
}

/** `cadence history SERIES [--source S,…] [--limit N]`: a series' changes, newest first, by its ID or key. */
export async function runHistoryCommand(
  context: HistoryCommandContext,
  series: string,
  options: { source?: string; limit?: string },
): Promise<void> {
  const sources = options.source?.split(',').map((source) => historySourceSchema.safeParse(source.trim()));
  if (sources?.some((source) => !source.success) === true) {
    throw new CadenceError(
      'invalid_input',
      `--source lists who made changes: ${historySourceSchema.options.join(', ')}.`,
      [{ path: 'source', message: `Choose from ${historySourceSchema.options.join(', ')}.` }],
    );
  }
  const limit = options.limit === undefined ? 100 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new CadenceError('invalid_input', '--limit is a whole number of changes from 1 to 500.', [
      { path: 'limit', message: 'Give a whole number from 1 to 500.' },
    ]);
  }
  await withServices(context.dataDir, ({ stores }) => {
    const seriesId = stores.series.idForKey(series) ?? series;
    const page = stores.history.list({
      series_id: seriesId,
      limit,
      ...(sources === undefined ? {} : { source: sources.flatMap((source) => (source.success ? [source.data] : [])) }),
    });
    if (context.isJson) {
      context.stdout.write(`${JSON.stringify(page)}\n`);
      return;
    }
    if (page.entries.length === 0) context.stdout.write('No changes.\n');
    else context.stdout.write(`${terminalSafe(page.entries.map(line).join('\n'))}\n`);
  });
}
