/** Exit statuses of the `cadence` command, as `docs/cli.md` defines them. */
export const exitCodes = {
  done: 0,
  unexpected: 1,
  invalidInput: 2,
  needsPerson: 3,
  zoomUnreachable: 4,
} as const;
