import { column, exceptionRows, KPI_KEYS, NEW_OR_GONE, pinnedRows, type Analysis, type Kpis, type Movement, type ProfitRow } from '../core';
import { PROFIT_COLUMNS, translator, type MessageKey, type Translate } from '../i18n';
import { cellValue } from './plain-text';

/** The "ABM Summary" sheet as one block of values, and where its charts read from. Pure: no Sheets calls. */

export const SUMMARY_WIDTH = 9;
/** Whale-curve points written (downsampled evenly); the block keeps one height so a re-run overwrites it exactly. */
export const WHALE_POINTS = 101;
/** Accounts listed in each exception list (the block keeps one height). */
export const EXCEPTIONS_LISTED = 10;
/** Rows frozen at the top: the title and the line saying what was scored when. */
export const FROZEN_ROWS = 2;
/** Column widths in pixels: the labels' column, and each column of numbers. */
export const LABEL_WIDTH = 220;
export const NUMBER_WIDTH = 110;

export interface SummaryLayout {
  values: (string | number)[][];
  /** A1 ranges (on the summary sheet) that the charts plot. */
  segmentChart: string[];
  tierChart: string[];
  whaleChart: string[];
  /** Number format → the A1 ranges it applies to: shares as percentages, amounts with thousands. */
  numberFormats: Record<string, string[]>;
  /** A1 ranges shown bold: the title, section titles and table headers. */
  bold: string[];
  /** A1 range of the fit × engagement counts, coloured as a heat map (a colour-scale rule). */
  heatMap?: string;
}

export const PERCENT = '0.0%';
export const WHOLE = '#,##0';
export const AMOUNT = '#,##0.00';
export const DECIMAL = '0.00';
/** A sheet row number: no thousands separator. */
export const ROW_NUMBER = '0';

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

/**
 * The summary, read top down as a report: what was scored, the tiers, the segments, the programs
 * and the movement since the last run first; then the accounts to act on (capped, Money Makers
 * losing money, profitable accounts that lapsed), the KPIs and the whale curve; the whale curve's
 * points, which only its chart reads, last. Every block keeps its height, so a re-run overwrites
 * the same cells and the charts' ranges never move within a layout version.
 */
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

  const formats: Record<string, string[]> = { [PERCENT]: [], [WHOLE]: [], [AMOUNT]: [], [DECIMAL]: [], [ROW_NUMBER]: [] };
  const format = (pattern: string, a1: string) => formats[pattern].push(a1);
  const bold: string[] = [];
  /** A section title: bold, in column A. */
  const title = (text: string) => {
    push(text);
    bold.push(`A${rows.length}`);
  };
  /** A table header across `width` columns: bold. */
  const head = (...cells: (string | number)[]) => {
    push(...cells);
    bold.push(`A${rows.length}:${String.fromCharCode(64 + Math.max(1, cells.length))}${rows.length}`);
  };
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
  title(say('summary.title'));
  push(say('summary.scored', { sheet: sheetName, when, count: analysis.scored, method: say(`method.${settings.method}` as MessageKey) }));
  push();
  title(say('summary.tiers'));
  const tierHeader = rows.length + 1;
  head(say('col.tier'), ...header);
  for (const r of [...analysis.byTier.rows, analysis.byTier.total]) rows.push(profitRow(withTotal(r)));
  formatProfitRows(rows.length - 3, rows.length);
  push();
  title(say('summary.segments'));
  const segmentHeader = rows.length + 1;
  head(say('col.segment'), ...header);
  for (const r of [...analysis.bySegment.rows, analysis.bySegment.total]) rows.push(profitRow(withTotal(r)));
  formatProfitRows(rows.length - 3, rows.length);
  push();
  title(say('summary.programs'));
  head(say('col.program'), say('col.tier'), say('col.accounts'), say('col.perMarketer'), say('col.marketers'));
  const ratios = [settings.ratios.strategic, settings.ratios.lite, settings.ratios.programmatic];
  for (let t = 0; t < 3; t++) push(capacity.programs[t], settings.labels[t], capacity.accounts[t], ratios[t], capacity.marketers[t]);
  format(WHOLE, `C${rows.length - 2}:E${rows.length}`);
  push();
  // Fit × engagement (docs/scoring.md): accounts per cell, fit A–C down, engagement 1–3 across.
  title(say('grid.title'));
  head('', ...[1, 2, 3].map((e) => `${say('grid.engagement')} ${e}`));
  ['A', 'B', 'C'].forEach((f, k) => push(`${say('grid.fit')} ${f}`, ...analysis.axes.counts.slice(3 * k, 3 * k + 3)));
  const heatMap = `B${rows.length - 2}:D${rows.length}`;
  format(WHOLE, heatMap);
  push();
  movementBlock(move);
  push();
  exceptionBlocks();
  pinnedBlock();
  push();
  title(say('summary.kpis'));
  head(say('col.kpi'), say('col.value'));
  for (const key of KPI_KEYS) {
    push(say(`kpi.${key}` as MessageKey), kpis[key] ?? say('summary.noData'));
    format(KPI_FORMATS[key], `B${rows.length}`);
  }
  push();
  title(say('summary.whale'));
  push(
    whale
      ? say('summary.whalePeak', {
          peak: (whale.peak * 100).toFixed(0),
          share: (whale.peakAccounts * 100).toFixed(0),
          back: ((whale.peak - 1) * 100).toFixed(0),
        })
      : say('summary.noWhale'),
  );
  push();
  // The chart's data, last: nobody needs to scroll past 101 points to reach the rest.
  title(say('summary.whalePoints'));
  const whaleHeader = rows.length + 1;
  head(say('col.shareOfAccounts'), say('col.cumulativeProfit'));
  for (let k = 0; k < WHALE_POINTS; k++) {
    if (!whale) {
      push();
      continue;
    }
    const j = Math.round((k * (whale.x.length - 1)) / (WHALE_POINTS - 1));
    push(whale.x[j], whale.y[j]);
  }
  format(PERCENT, `A${whaleHeader + 1}:B${whaleHeader + WHALE_POINTS}`);

  function movementBlock(m: Movement | null) {
    title(say('summary.movement'));
    const labels = settings.labels;
    if (m) {
      const english = say('summary.moved') === translator('en')('summary.moved');
      push(
        english
          ? `${m.up.length} account${m.up.length === 1 ? '' : 's'} moved up, ${m.down.length} down.`
          : say('summary.moved', { up: m.up.length, down: m.down.length }),
      );
      head(say('summary.fromTo'), ...labels, say('summary.gone'));
      for (let f = 0; f < 4; f++) push(f === NEW_OR_GONE ? say('summary.new') : labels[f], ...m.counts[f]);
      format(WHOLE, `B${rows.length - 3}:E${rows.length}`);
    } else {
      push(say('summary.noPrevious'));
      for (let k = 0; k < 5; k++) push();
    }
    for (const [heading, list] of [
      [say('summary.movedUp'), m?.up ?? []],
      [say('summary.movedDown'), m?.down ?? []],
    ] as const) {
      head(heading, say('summary.from'), say('summary.to'), say('summary.segmentBefore'), say('summary.segmentNow'));
      for (let k = 0; k < MOVES_LISTED; k++) {
        const mv = list[k];
        if (mv) push(mv.account, labels[mv.from], labels[mv.to], mv.fromSegment, mv.toSegment);
        else push(k === 0 && list.length === 0 ? say('summary.none') : '');
      }
      push(list.length > MOVES_LISTED ? say('summary.more', { count: list.length - MOVES_LISTED }) : '');
    }
  }

  /** Capped accounts, Money Makers losing money, profitable accounts that lapsed: each with its sheet row. */
  function exceptionBlocks() {
    const found = analysis.exceptions;
    const hasProfit = column(analysis.table, 'profit') !== null;
    const hasRecency = column(analysis.table, 'recency') !== null;
    const capOn = settings.unprofitableCap;
    title(say('summary.act'));
    const lists: [string, readonly number[], string | null][] = [
      [say('summary.capped', { tier: settings.labels[2] }), found.capped, !hasProfit ? say('summary.needsProfit') : capOn ? null : say('summary.capOff')],
      [say('summary.losing', { segment: settings.segmentLabels[0] }), found.losingMoneyMakers, hasProfit ? null : say('summary.needsProfit')],
      [
        say('summary.lapsed', { days: found.activeDays }),
        found.lapsed,
        !hasProfit ? say('summary.needsProfit') : hasRecency ? null : say('summary.needsRecency'),
      ],
    ];
    for (const [heading, list, missing] of lists) {
      title(heading);
      head(say('col.account'), say('col.row'), say('col.tier'), say('col.segment'), say('col.revenue'), say('col.profit'), say('col.daysSince'));
      const listed = exceptionRows(analysis, list, EXCEPTIONS_LISTED);
      for (let k = 0; k < EXCEPTIONS_LISTED; k++) {
        const x = listed[k];
        if (x) push(x.account ?? say('cell.row', { row: x.row }), x.row, x.tier, x.segment, x.revenue, x.profit, x.recency);
        else push(k === 0 ? (missing ?? say('summary.none')) : '');
      }
      const first = rows.length - EXCEPTIONS_LISTED + 1;
      format(ROW_NUMBER, `B${first}:B${rows.length}`);
      format(WHOLE, `E${first}:G${rows.length}`);
      push(list.length > EXCEPTIONS_LISTED ? say('summary.more', { count: list.length - EXCEPTIONS_LISTED }) : '');
    }
  }

  /** The pinned accounts (docs/scoring.md, "Pinned tiers"), with what the data alone say: a block of fixed height. */
  function pinnedBlock() {
    title(say('pin.heading'));
    head(say('col.account'), say('col.row'), say('pin.verdict'), say('pin.reason'));
    const listed = pinnedRows(analysis, EXCEPTIONS_LISTED);
    // With the cap on (cappedRows), a pin above the last tier on an account that loses money won over the cap: said on its row.
    const losing = analysis.cappedRows ? column(analysis.table, 'profit') : null;
    for (let k = 0; k < EXCEPTIONS_LISTED; k++) {
      const p = listed[k];
      if (!p) {
        push(k === 0 ? say('summary.none') : '');
        continue;
      }
      const alone = p.alone ?? '';
      push(
        p.account,
        analysis.table.rowNumbers[p.index],
        p.tier === null
          ? say('pin.excluded', { alone })
          : say(losing && losing[p.index] < 0 && analysis.pinned!.pins.pin[p.index] < 2 ? 'pin.pinnedOverCap' : 'pin.pinned', { tier: p.tier, alone }),
        p.reason ?? '',
      );
    }
    format(ROW_NUMBER, `B${rows.length - EXCEPTIONS_LISTED + 1}:B${rows.length}`);
    const count = analysis.pinned?.rows.length ?? 0;
    push(count > EXCEPTIONS_LISTED ? say('summary.more', { count: count - EXCEPTIONS_LISTED }) : '');
  }

  const values = rows.map((r) => {
    const padded = r.slice(0, SUMMARY_WIDTH);
    while (padded.length < SUMMARY_WIDTH) padded.push('');
    return padded;
  });
  // Each chart plots margin and share of profit (columns G:H) by its table's labels, without the Total row.
  const shares = (headerRow: number) => [`A${headerRow}:A${headerRow + 3}`, `G${headerRow}:H${headerRow + 3}`];
  return {
    values,
    segmentChart: shares(segmentHeader),
    tierChart: shares(tierHeader),
    whaleChart: [`A${whaleHeader}:B${whaleHeader + WHALE_POINTS}`],
    numberFormats: Object.fromEntries(Object.entries(formats).filter(([, ranges]) => ranges.length > 0)),
    bold,
    heatMap,
  };
}
