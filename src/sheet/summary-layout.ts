import { KPI_KEYS, NEW_OR_GONE, type Analysis, type Kpis, type Movement, type ProfitRow } from '../core';
import { PROFIT_COLUMNS, translator, type MessageKey, type Translate } from '../i18n';
import { cellValue } from './plain-text';

/** The "ABM Summary" sheet as one block of values, and where its charts read from. Pure: no Sheets calls. */

export const SUMMARY_WIDTH = 9;
/** Whale-curve points written (downsampled evenly); the block keeps one height so a re-run overwrites it exactly. */
export const WHALE_POINTS = 101;

export interface SummaryLayout {
  values: (string | number)[][];
  /** A1 ranges (on the summary sheet) that the charts plot. */
  segmentChart: string[];
  whaleChart: string[];
  /** Number format → the A1 ranges it applies to: shares as percentages, amounts with thousands. */
  numberFormats: Record<string, string[]>;
}

export const PERCENT = '0.0%';
export const WHOLE = '#,##0';
export const AMOUNT = '#,##0.00';
export const DECIMAL = '0.00';

function profitRow(row: ProfitRow): (string | number)[] {
  return [row.label, row.accounts, row.share, row.revenue, row.cost, row.profit, row.margin, row.profitShare, row.profitPerAccount].map((v) => cellValue(v));
}

const KPI_FORMATS: Record<keyof Kpis, string> = {
  accounts: WHOLE,
  activeAccounts: WHOLE,
  newAccounts: WHOLE,
  revenuePerLead: AMOUNT,
  spendPerPurchase: AMOUNT,
  averageLifetime: DECIMAL,
  averageLtv: AMOUNT,
};

/** Accounts listed as moved up and moved down (the block keeps one height). */
export const MOVES_LISTED = 20;

export function summaryLayout(
  analysis: Analysis,
  sheetName: string,
  when: string,
  move: Movement | null = null,
  say: Translate = translator('en'),
): SummaryLayout {
  const rows: (string | number)[][] = [];
  const header = PROFIT_COLUMNS.map((k) => say(k));
  const push = (...row: (string | number | null)[]) => rows.push(row.map((v) => cellValue(v)));
  const { settings, capacity, kpis, whale } = analysis;

  const formats: Record<string, string[]> = { [PERCENT]: [], [WHOLE]: [], [AMOUNT]: [], [DECIMAL]: [] };
  const format = (pattern: string, a1: string) => formats[pattern].push(a1);
  /** The rows of a profitability table just pushed: accounts, shares, money, margin. */
  const formatProfitRows = (first: number, last: number) => {
    format(WHOLE, `B${first}:B${last}`);
    format(PERCENT, `C${first}:C${last}`);
    format(WHOLE, `D${first}:F${last}`);
    format(PERCENT, `G${first}:H${last}`);
    format(WHOLE, `I${first}:I${last}`);
  };
  const total = say('total');
  const withTotal = (r: ProfitRow) => (r.label === 'Total' ? { ...r, label: total } : r);
  push(say('summary.title'));
  push(say('summary.scored', { sheet: sheetName, when, count: analysis.scored, method: say(`method.${settings.method}` as MessageKey) }));
  push();
  push(say('summary.tiers'));
  push(say('col.tier'), ...header);
  for (const r of [...analysis.byTier.rows, analysis.byTier.total]) rows.push(profitRow(withTotal(r)));
  formatProfitRows(rows.length - 3, rows.length);
  push();
  push(say('summary.segments'));
  const segmentHeader = rows.length + 1;
  push(say('col.segment'), ...header);
  for (const r of [...analysis.bySegment.rows, analysis.bySegment.total]) rows.push(profitRow(withTotal(r)));
  formatProfitRows(rows.length - 3, rows.length);
  push();
  push(say('summary.programs'));
  push(say('col.program'), say('col.tier'), say('col.accounts'), say('col.perMarketer'), say('col.marketers'));
  const ratios = [settings.ratios.strategic, settings.ratios.lite, settings.ratios.programmatic];
  for (let t = 0; t < 3; t++) push(capacity.programs[t], settings.labels[t], capacity.accounts[t], ratios[t], capacity.marketers[t]);
  format(WHOLE, `C${rows.length - 2}:E${rows.length}`);
  push();
  push(say('summary.kpis'));
  for (const key of KPI_KEYS) {
    push(say(`kpi.${key}` as MessageKey), kpis[key] ?? say('summary.noData'));
    format(KPI_FORMATS[key], `B${rows.length}`);
  }
  push();
  push(say('summary.whale'));
  push(
    whale
      ? say('summary.whalePeak', {
          peak: (whale.peak * 100).toFixed(0),
          share: (whale.peakAccounts * 100).toFixed(0),
          back: ((whale.peak - 1) * 100).toFixed(0),
        })
      : say('summary.noWhale'),
  );
  const whaleHeader = rows.length + 1;
  push(say('col.shareOfAccounts'), say('col.cumulativeProfit'));
  for (let k = 0; k < WHALE_POINTS; k++) {
    if (!whale) {
      push();
      continue;
    }
    const j = Math.round((k * (whale.x.length - 1)) / (WHALE_POINTS - 1));
    push(whale.x[j], whale.y[j]);
  }
  format(PERCENT, `A${whaleHeader + 1}:B${whaleHeader + WHALE_POINTS}`);
  // Tier movement comes last, so the rows the charts read never move.
  push();
  push(say('summary.movement'));
  const labels = settings.labels;
  if (move) {
    const english = say('summary.moved') === translator('en')('summary.moved');
    push(
      english
        ? `${move.up.length} account${move.up.length === 1 ? '' : 's'} moved up, ${move.down.length} down.`
        : say('summary.moved', { up: move.up.length, down: move.down.length }),
    );
    push(say('summary.fromTo'), ...labels, say('summary.gone'));
    for (let f = 0; f < 4; f++) push(f === NEW_OR_GONE ? say('summary.new') : labels[f], ...move.counts[f]);
  } else {
    push(say('summary.noPrevious'));
    for (let k = 0; k < 5; k++) push();
  }
  for (const [title, list] of [
    [say('summary.movedUp'), move?.up ?? []],
    [say('summary.movedDown'), move?.down ?? []],
  ] as const) {
    push(title, say('summary.from'), say('summary.to'), say('summary.segmentBefore'), say('summary.segmentNow'));
    for (let k = 0; k < MOVES_LISTED; k++) {
      const m = list[k];
      if (m) push(m.account, labels[m.from], labels[m.to], m.fromSegment, m.toSegment);
      else push(k === 0 && list.length === 0 ? say('summary.none') : '');
    }
    push(list.length > MOVES_LISTED ? say('summary.more', { count: list.length - MOVES_LISTED }) : '');
  }
  const values = rows.map((r) => {
    const padded = r.slice(0, SUMMARY_WIDTH);
    while (padded.length < SUMMARY_WIDTH) padded.push('');
    return padded;
  });
  const segmentLast = segmentHeader + 3;
  return {
    values,
    segmentChart: [`A${segmentHeader}:A${segmentLast}`, `D${segmentHeader}:F${segmentLast}`],
    whaleChart: [`A${whaleHeader}:B${whaleHeader + WHALE_POINTS}`],
    numberFormats: formats,
  };
}
