import { UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { SETTINGS_PROPERTY } from './keys';
import { documentLanguage } from './language';
import { readSettings } from './settings-store';

/**
 * Every writer (Score, Build accounts, RFM, Lookalikes, Remove tier colours, Create template) runs
 * inside the document lock, and reads document properties and sheet state only once it is held:
 * what was read before may be stale by then. Two people pressing Score at once: the second waits up
 * to LOCK_WAIT_MS for the first, then is told to try again.
 */

/** How long a run waits for someone else's before saying so (ms). */
export const LOCK_WAIT_MS = 10_000;

/** The busy message in the document's language (its settings read only once the lock was refused). */
function busyMessage(services: Services): string {
  const stored = services.properties.getDocumentProperties().getProperty(SETTINGS_PROPERTY);
  return documentLanguage(services.spreadsheetApp.getActiveSpreadsheet(), readSettings(stored).settings).say('msg.busy');
}

/** Runs `write` holding the document lock, or refuses in the document's language when someone else holds it. */
export function withDocumentLock<T>(services: Services, write: () => T): T {
  const lock = services.lock.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(busyMessage(services));
  try {
    return write();
  } finally {
    lock.releaseLock();
  }
}
