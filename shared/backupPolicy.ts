/** How many automatic backups to keep: several from today, one per earlier day, a cap in all. */
export interface BackupPolicy {
  readonly keepToday: number;
  readonly total: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { keepToday: 3, total: 10 };

export interface BackupEntry {
  readonly name: string;
  /** When the backup was taken (ms since the epoch). */
  readonly takenAt: number;
}

/** The local calendar day of a time, as yyyy-mm-dd, for grouping backups by day. */
function dayOf(time: number, timezoneOffsetMinutes: number): string {
  return new Date(time - timezoneOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Chooses which backups to keep: the newest `keepToday` of today, the newest of each earlier day,
 * and no more than `total` in all (the oldest days go first). Returns the names to delete.
 */
export function backupsToDelete(
  backups: readonly BackupEntry[],
  now: number,
  policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  timezoneOffsetMinutes = 0,
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt);
  const today = dayOf(now, timezoneOffsetMinutes);
  const kept: BackupEntry[] = [];
  const daysKept = new Set<string>();
  let keptToday = 0;
  for (const backup of newestFirst) {
    const day = dayOf(backup.takenAt, timezoneOffsetMinutes);
    if (day === today) {
      if (keptToday < policy.keepToday) {
        kept.push(backup);
        keptToday += 1;
      }
    } else if (!daysKept.has(day)) {
      daysKept.add(day);
      kept.push(backup);
    }
  }
  const keep = new Set(kept.slice(0, policy.total).map((b) => b.name));
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
