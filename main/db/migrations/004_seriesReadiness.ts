import type { Migration } from './migration';

/**
 * A series the planner keeps out of syncs ("Not ready"): its changes wait, listed as such, until
 * it is marked ready again. Every series before this step was synced as it was: ready.
 */
export const seriesReadiness: Migration = {
  version: 4,
  name: 'series readiness',
  up: `ALTER TABLE series ADD COLUMN is_ready INTEGER NOT NULL DEFAULT 1 CHECK (is_ready IN (0, 1));`,
};
