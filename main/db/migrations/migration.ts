/** One step of the schema. Shipped steps are never edited; a change is a new step. */
export interface Migration {
  /** `PRAGMA user_version` after this step; steps are numbered 1, 2, 3 … without gaps. */
  version: number;
  name: string;
  /** SQL run inside the migration transaction. */
  up: string;
}
