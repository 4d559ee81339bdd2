/** One append-only schema step; `version` is the PRAGMA user_version after it runs. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
