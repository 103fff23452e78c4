import type { Migration } from './migration';

/**
 * A series' closed days (holiday calendar, own dates, what happens on them, the dates kept), and
 * on each occurrence change the closed day that made it, so that the change can be worked out
 * again when the closed days change and shown with the holiday's name.
 */
export const closedDays: Migration = {
  version: 9,
  name: 'closed days',
  up: `
    ALTER TABLE series ADD COLUMN closed_days_json TEXT;
    ALTER TABLE occurrence_change ADD COLUMN closed_day_json TEXT;
  `,
};
