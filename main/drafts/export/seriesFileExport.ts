import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { seriesFileSchema, type SeriesFile } from '../../../shared/drafts/seriesFile';

/**
 * The drafts as a series file (docs/series-file.md), checked by the schema `cadence import` reads
 * it with, so what is written is what an import takes back: every field, attendees included.
 */
export function seriesFileText(drafts: readonly SeriesDraft[]): string {
  const file: SeriesFile = seriesFileSchema.parse({ version: 1, series: drafts });
  return `${JSON.stringify(file, null, 2)}\n`;
}
