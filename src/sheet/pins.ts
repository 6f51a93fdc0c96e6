/**
 * Pins kept in the document (docs/scoring.md, "Pinned tiers"): by account, so they survive re-runs
 * and re-sorting. The sidebar pins the selected rows' accounts; scoring runs and the report card
 * read them (a row's own Pin cell wins).
 */
import { NO_PIN, readPin, type PinReading, type PinSource } from '../core';
import type { Said } from '../i18n';
import { analyseSheet, UserError } from './analyse-sheet';
import type { Services } from './apps-script';
import { withDocumentLock } from './document-lock';
import { given } from './given';
import { documentLanguage, inputSettings } from './language';
import { readSheet } from './read-sheet';
import { PROPERTY_BYTES, utf8Bytes } from './settings-store';

/** Document property: `{ "<account>": [pin 0–3, reason or null] }` (0–2 a tier, 3 exclude). */
export const PINS_PROPERTY = 'abmTier.pins';

type Stored = Record<string, [number, string | null]>;

function parsed(text: string | null | undefined): Stored {
  try {
    const value = JSON.parse(text || '{}') as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : {};
  } catch {
    return {};
  }
}

/** The document's pins as an analysis reads them, from the property's text (a run reads every property at once). */
export function documentPins(text: string | null | undefined): PinSource {
  const byAccount = new Map<string, PinReading>();
  for (const [account, entry] of Object.entries(parsed(text))) {
    if (Array.isArray(entry) && Number.isInteger(entry[0]) && entry[0] >= 0 && entry[0] <= 3)
      byAccount.set(account, { pin: entry[0], reason: typeof entry[1] === 'string' ? entry[1] : null });
  }
  return { byAccount };
}

export interface PinReport {
  /** The accounts pinned (or unpinned), in sheet order. */
  accounts: string[];
  /** What they were pinned to: a label, exclude, or '' when unpinned. */
  pin: string;
}

/** The sheet rows selected (1-based): each range of the active range list, else the active range, else the active cell. */
function selectedRows(sheet: unknown): number[] {
  type R = { getRow(): number; getNumRows(): number };
  const s = sheet as { getActiveRangeList?: () => { getRanges(): R[] } | null; getActiveRange?: () => R | null; getActiveCell?: () => R | null };
  const ranges = s.getActiveRangeList?.()?.getRanges() ?? [s.getActiveRange?.() ?? s.getActiveCell?.()].filter((r): r is R => !!r);
  const rows = new Set<number>();
  for (const r of ranges) for (let k = 0; k < Math.min(r.getNumRows(), 50_000); k++) rows.add(r.getRow() + k);
  return [...rows].sort((a, b) => a - b);
}

/**
 * Pins the accounts of `rows` (sheet rows; else the selection) to `pin` (a label, 1/2/3 or
 * exclude; '' unpins), with a reason; saved under the document lock.
 */
export function pinRows(services: Services, settingsInput: unknown, pin: string, reason?: string | null, rows?: number[] | null): PinReport {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  const language = documentLanguage(ss, inputSettings(ss, given(settingsInput) ?? {}));
  const labels = language.settings.labels;
  const read = readPin(pin, labels);
  if (!read) throw new UserError(language.say('pin.notPin', { value: pin, t1: labels[0], t2: labels[1], t3: labels[2] }));
  const sheet = ss.getActiveSheet();
  const data = readSheet(sheet, sheet.getName());
  const { table } = analyseSheet(data, language);
  const wanted = given(rows) ?? selectedRows(sheet);
  const accounts: string[] = [];
  for (const row of wanted) {
    const i = table.rowNumbers.indexOf(row);
    const account = i >= 0 ? table.accounts?.[i] : '';
    if (account) accounts.push(account);
  }
  if (accounts.length === 0) throw new UserError(language.show({ code: 'next.noRow', params: { row: wanted[0] ?? 1 } } as unknown as Said));
  const text = reason?.trim() ? reason.trim().slice(0, 200) : read.reason;
  return withDocumentLock(services, () => {
    const props = services.properties.getDocumentProperties();
    const pins = parsed(props.getProperty(PINS_PROPERTY));
    for (const a of accounts) {
      if (read.pin === NO_PIN) delete pins[a];
      else pins[a] = [read.pin, text];
    }
    const json = JSON.stringify(pins);
    if (utf8Bytes(json) > PROPERTY_BYTES) throw new UserError(language.say('pin.tooMany'));
    props.setProperty(PINS_PROPERTY, json);
    return { accounts, pin: read.pin === NO_PIN ? '' : read.pin === 3 ? language.say('pin.exclude') : labels[read.pin] };
  });
}
