import { KPI_LABELS, NEW_OR_GONE, type Analysis, type Kpis, type Movement, type ProfitRow } from '../core';
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
}

const PROFIT_HEADER = ['Accounts', 'Share of accounts', 'Revenue', 'Cost', 'Profit', 'Margin', 'Share of profit', 'Profit per account'];

function profitRow(row: ProfitRow): (string | number)[] {
  return [row.label, row.accounts, row.share, row.revenue, row.cost, row.profit, row.margin, row.profitShare, row.profitPerAccount].map((v) => cellValue(v));
}

/** Accounts listed as moved up and moved down (the block keeps one height). */
export const MOVES_LISTED = 20;

export function summaryLayout(analysis: Analysis, sheetName: string, when: string, move: Movement | null = null): SummaryLayout {
  const rows: (string | number)[][] = [];
  const push = (...row: (string | number | null)[]) => rows.push(row.map((v) => cellValue(v)));
  const { settings, capacity, kpis, whale } = analysis;

  push('ABM Summary');
  push(`Sheet "${sheetName}", scored ${when}: ${analysis.scored} accounts, method ${settings.method}.`);
  push();
  push('Tiers');
  push('Tier', ...PROFIT_HEADER);
  for (const r of [...analysis.byTier.rows, analysis.byTier.total]) rows.push(profitRow(r));
  push();
  push('Profitability by segment');
  const segmentHeader = rows.length + 1;
  push('Segment', ...PROFIT_HEADER);
  for (const r of [...analysis.bySegment.rows, analysis.bySegment.total]) rows.push(profitRow(r));
  push();
  push('ABM programs');
  push('Program', 'Tier', 'Accounts', 'Accounts per marketer', 'Marketers needed');
  const ratios = [settings.ratios.strategic, settings.ratios.lite, settings.ratios.programmatic];
  for (let t = 0; t < 3; t++) push(capacity.programs[t], settings.labels[t], capacity.accounts[t], ratios[t], capacity.marketers[t]);
  push();
  push('KPIs');
  for (const key of Object.keys(KPI_LABELS) as (keyof Kpis)[]) push(KPI_LABELS[key], kpis[key] ?? 'no data');
  push();
  push('Whale curve');
  push(whale
    ? `Profit peaks at ${(whale.peak * 100).toFixed(0)}% of total profit with the top ${(whale.peakAccounts * 100).toFixed(0)}% of accounts; the rest give back ${((whale.peak - 1) * 100).toFixed(0)} points.`
    : 'No whale curve: it needs a profit column (or revenue and cost) and a positive total profit.');
  const whaleHeader = rows.length + 1;
  push('Share of accounts', 'Share of profit');
  for (let k = 0; k < WHALE_POINTS; k++) {
    if (!whale) {
      push();
      continue;
    }
    const j = Math.round((k * (whale.x.length - 1)) / (WHALE_POINTS - 1));
    push(whale.x[j], whale.y[j]);
  }
  // Tier movement comes last, so the rows the charts read never move.
  push();
  push('Tier movement since the previous run');
  const labels = settings.labels;
  if (move) {
    push(`${move.up.length} account${move.up.length === 1 ? '' : 's'} moved up, ${move.down.length} down.`);
    push('From \\ to', ...labels, 'Gone');
    for (let f = 0; f < 4; f++) push(f === NEW_OR_GONE ? 'New' : labels[f], ...move.counts[f]);
  } else {
    push('No previous run of this sheet to compare with yet.');
    for (let k = 0; k < 5; k++) push();
  }
  for (const [title, list] of [['Moved up', move?.up ?? []], ['Moved down', move?.down ?? []]] as const) {
    push(title, 'From', 'To', 'Segment before', 'Segment now');
    for (let k = 0; k < MOVES_LISTED; k++) {
      const m = list[k];
      if (m) push(m.account, labels[m.from], labels[m.to], m.fromSegment, m.toSegment);
      else push(k === 0 && list.length === 0 ? 'none' : '');
    }
    push(list.length > MOVES_LISTED ? `…and ${list.length - MOVES_LISTED} more` : '');
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
  };
}
