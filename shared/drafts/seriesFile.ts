import { z } from 'zod';
import { issuesFromZod, type Issue } from '../ipc/envelope';
import { draftIssueHint } from './draftHints';
import { seriesDraftSchema } from './seriesDraft';

/**
 * A series file (docs/series-file.md): `{"version": 1, "series": [...]}`. Keys are unique within
 * the file, since a key names one draft.
 */
export const seriesFileSchema = z
  .strictObject(
    {
      version: z.literal(1, { error: 'This is a version 1 series file: write "version": 1.' }),
      series: z.array(seriesDraftSchema, { error: 'List the series: "series": [{…}, …].' }),
    },
    { error: 'A series file is one JSON object: {"version": 1, "series": [...]}.' },
  )
  .superRefine(
    (file, ctx) => {
      const firstByKey = new Map<string, number>();
      // Runs on whatever parsed, so that clashing keys are reported with the other problems.
      const raw: unknown = file;
      const series: unknown = typeof raw === 'object' && raw !== null && 'series' in raw ? raw.series : [];
      if (!Array.isArray(series)) return;
      series.forEach((draft: unknown, index) => {
        const key = typeof draft === 'object' && draft !== null && 'key' in draft ? draft.key : undefined;
        if (typeof key !== 'string' || key.trim() === '') return;
        const first = firstByKey.get(key.trim());
        if (first === undefined) firstByKey.set(key.trim(), index);
        else {
          ctx.addIssue({
            code: 'custom',
            path: ['series', index, 'key'],
            message: `The key "${key.trim()}" is already used by series[${first}]; each series needs its own key.`,
          });
        }
      });
    },
    { when: () => true },
  );

export type SeriesFile = z.output<typeof seriesFileSchema>;

export type SeriesFileResult = { ok: true; file: SeriesFile } | { ok: false; issues: Issue[] };

/** Validates a whole series file and returns every problem with its JSON path. */
export function validateSeriesFile(input: unknown): SeriesFileResult {
  const parsed = seriesFileSchema.safeParse(input);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, issues: draftIssues(parsed.error) };
}

/** A draft's problems as issues, with a hint where a field name shows a known mix-up. */
export function draftIssues(error: z.ZodError): Issue[] {
  return issuesFromZod(error, draftIssueHint);
}
