import { describe, expect, it } from 'vitest';
import { backupsToDelete } from './backupPolicy';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 26, 12, 0);

describe('backupsToDelete', () => {
  it('keeps three from today and one per earlier day', () => {
    const backups = [
      ...[0, 1, 2, 3, 4].map((i) => ({ name: `today-${i}`, takenAt: now - i * 15 * 60_000 })),
      { name: 'yesterday-late', takenAt: now - DAY + 60_000 },
      { name: 'yesterday-early', takenAt: now - DAY - 3 * 3_600_000 },
      { name: 'week-ago', takenAt: now - 7 * DAY },
    ];
    expect(backupsToDelete(backups, now).sort()).toEqual(['today-3', 'today-4', 'yesterday-early']);
  });

  it('keeps no more than ten in all, dropping the oldest days', () => {
    const backups = Array.from({ length: 15 }, (_, i) => ({ name: `day-${i}`, takenAt: now - (i + 1) * DAY }));
    const deleted = backupsToDelete(backups, now);
    expect(deleted).toEqual(['day-10', 'day-11', 'day-12', 'day-13', 'day-14']);
  });

  it('keeps everything when there is little', () => {
    expect(backupsToDelete([{ name: 'a', takenAt: now }], now)).toEqual([]);
  });
});
