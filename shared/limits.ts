/**
 * How much Cadence takes in at once. Zoom's largest webinar admits 100,000 attendees, so no
 * series needs more registrations; a series file holding that many is about 20 MB.
 */
export const limits = {
  attendeesPerSeries: 100_000,
  seriesFileBytes: 64 * 1024 * 1024,
  /** A CSV of 100,000 people with every profile field is well under this. */
  attendeeFileBytes: 64 * 1024 * 1024,
} as const;

/** "64 MB", for messages that name a limit. */
export function megabytes(bytes: number): string {
  return `${String(Math.round(bytes / 1024 / 1024))} MB`;
}
