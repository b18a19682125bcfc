import { roundIdOf, type SosdataNotification, type SosdataRecord } from '../domain/sosdata.ts';
import type { Store } from '../store/index.ts';

/**
 * The content files seed the database; the database is the working copy. Every notification in content/sosdata
 * whose id is not stored yet is stored (as `system`, audited) with its round; a stored one is never overwritten by
 * its file, so editing the file afterwards changes nothing, and a new file with a new id is stored on the next start.
 * Returns the ids stored now.
 */
export async function seedSosdataFrom(store: Store, notifications: readonly SosdataNotification[], at = new Date()): Promise<string[]> {
  const stored: string[] = [];
  for (const notification of [...notifications].sort((a, b) => a.id.localeCompare(b.id))) {
    const inserted = await store.transaction(async (repositories) => {
      const roundId = roundIdOf(notification.round);
      await repositories.sosdata.insertRoundIfAbsent({ id: roundId, ...notification.round });
      const record: SosdataRecord = { notification, roundId, version: 1, updatedAt: at.toISOString(), updatedBy: 'system' };
      const written = await repositories.sosdata.insertIfAbsent(record);
      if (written)
        await repositories.audit.append(
          {
            actor: 'system',
            action: 'sosdata.seeded',
            entity: `sosdata:${notification.id}`,
            organisation: notification.organisation,
            details: { to: notification.status },
          },
          at,
        );
      return written;
    });
    if (inserted) stored.push(notification.id);
  }
  return stored;
}
