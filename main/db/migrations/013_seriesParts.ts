import type { Migration } from './migration';

/**
 * A series longer than one Zoom event holds is the whole of its parts (`series_link` kind
 * `part`, from the whole to each part at its `position`, from 1). `first_occurrence` is the
 * whole's occurrence number of the part's first session. A whole has one part at each position,
 * and a part belongs to one whole.
 */
export const seriesParts: Migration = {
  version: 13,
  name: 'series parts',
  up: `
    ALTER TABLE series_link ADD COLUMN first_occurrence INTEGER CHECK (first_occurrence >= 1);
    CREATE UNIQUE INDEX series_link_part_position ON series_link (from_series_id, position) WHERE kind = 'part';
    CREATE UNIQUE INDEX series_link_one_whole ON series_link (to_series_id) WHERE kind = 'part';
  `,
};
