/**
 * The preview computed in the sidebar: the server sends the sheet's mapped columns once
 * (PreviewData), and each change of the settings is scored here, by the same core as Score, with
 * no server call. Pure: no DOM, so the bench times it in Node.
 */
import { analyseRows, MessageError, parseSettings, type Cell } from '../src/core';
import { renderer, type Lang } from '../src/i18n';
import { localise } from '../src/i18n/labels';
import type { PreviewData } from '../src/sheet';
import { preview, type Preview } from '../src/sheet/report';

/** The data as the core reads it: the dates sent as `{ d }` are dates again. */
export interface LocalSheet {
  sheet: string;
  header: string[];
  rows: Cell[][];
  firstRow: number;
  locale: PreviewData['locale'];
  /** Per row, the last Score's tier (0–2, −1 for none); null when the sheet was never scored. */
  lastTiers: Int8Array | null;
}

export function localSheet(data: PreviewData): LocalSheet {
  const revive = (c: PreviewData['rows'][number][number]): Cell => (c !== null && typeof c === 'object' ? new Date(c.d) : c);
  let lastTiers: Int8Array | null = null;
  if (data.lastTiers) {
    lastTiers = new Int8Array(data.rows.length).fill(-1);
    for (let i = 0; i < data.lastTiers.length && i < lastTiers.length; i++) {
      const k = data.lastTiers.charCodeAt(i) - 48;
      if (k >= 0 && k <= 2) lastTiers[i] = k;
    }
  }
  return { sheet: data.sheet, header: data.header, rows: data.rows.map((row) => row.map(revive)), firstRow: data.firstRow, locale: data.locale, lastTiers };
}

export interface LocalPreview extends Preview {
  /** 0 = Tier 1 … 2 = Tier 3, −1 = none, per row. */
  tier: Int8Array;
}

/** Tiers for the settings being edited, in the sidebar's language; a settings or sheet problem is thrown in words. */
export function localPreview(sheet: LocalSheet, input: unknown, lang: Lang): LocalPreview {
  const show = renderer(lang);
  try {
    const settings = localise(parseSettings(input), lang);
    const analysis = analyseRows(sheet.header, sheet.rows, settings, { firstRowNumber: sheet.firstRow, rowCode: 'cell.row', locale: sheet.locale });
    return { ...preview(analysis, sheet.sheet, show), tier: analysis.tier };
  } catch (error) {
    if (error instanceof MessageError) throw new Error(show(error.said));
    throw error;
  }
}

/** Rows in a tier in both runs whose tier differs, going up (to a better tier) and down. */
export function tierChanges(before: Int8Array, after: Int8Array): { up: number; down: number } {
  let up = 0;
  let down = 0;
  const n = Math.min(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i];
    const b = after[i];
    if (a < 0 || b < 0 || a === b) continue;
    if (b < a) up++;
    else down++;
  }
  return { up, down };
}
