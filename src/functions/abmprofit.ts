import { blankRow, DEFAULT_SETTINGS, parseCell, profitability, roleOfHeader, type Cell } from '../core';
import { frame, inLanguage, refuse, word, type DocumentLabels, type Output } from './args';
import { PROFIT_COLUMNS, t, type MessageKey } from '../i18n';

/**
 * Label orders that rows are sorted by when every label is one of them: segments, tiers, health
 * statuses, in English and in the document's words. Made per call, not at load (every cell loads the bundle).
 */
function knownOrders(doc: DocumentLabels): (readonly string[])[] {
  const english = [DEFAULT_SETTINGS.segmentLabels, DEFAULT_SETTINGS.labels, [t('en', 'health.1'), t('en', 'health.2'), t('en', 'health.3')]];
  return [...english, ...[doc.segmentLabels, doc.labels, doc.healthLabels].filter((o): o is [string, string, string] => o !== undefined)];
}

function value(cell: Cell | undefined): number {
  const parsed = parseCell(cell, 'number', 0);
  return parsed.ok ? parsed.value : Number.NaN;
}

/**
 * =ABMPROFIT(segments, revenue, profit_or_cost): the profitability table of SPEC §7, one row per
 * segment (or tier, or value of any text column such as Region) and a total. The third column is cost when its header says so, else profit.
 */
export function abmProfit(segments: unknown, revenue: unknown, profitOrCost: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => profitTable(segments, revenue, profitOrCost, doc));
}

function profitTable(segments: unknown, revenue: unknown, profitOrCost: unknown, doc: DocumentLabels): Output {
  // A first cell that is a segment, tier or health label is a row, not a header (P2:P beside C2:C).
  const orders = knownOrders(doc);
  const seg = frame(segments, undefined, (row) => orders.some((o) => o.includes(String(row[0] ?? '').trim())));
  const rev = frame(revenue);
  const third = frame(profitOrCost);
  const isCost = third.header ? roleOfHeader(third.header[0])?.role === 'cost' : false;
  const n = seg.rows.length;
  const labelsSeen: string[] = [];
  for (const row of seg.rows) {
    const label = blankRow(row) ? '' : String(row[0]).trim();
    if (label && !labelsSeen.includes(label)) labelsSeen.push(label);
  }
  const known = knownOrders(doc).find((order) => labelsSeen.every((l) => order.includes(l)));
  const labels = known ? known.filter((l) => labelsSeen.includes(l)) : labelsSeen;
  const groups = new Int8Array(n).fill(-1);
  const r = new Float64Array(n);
  const p = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = blankRow(seg.rows[i]) ? '' : String(seg.rows[i][0]).trim();
    groups[i] = labels.indexOf(label);
    r[i] = value(rev.rows[i]?.[0]);
    const t = value(third.rows[i]?.[0]);
    p[i] = isCost ? r[i] - t : t;
    c[i] = isCost ? t : Number.NaN;
  }
  if (labels.length > 100) refuse('fn.tooManyLabels', { arg: 'segments', count: labels.length, fn: 'ABMPROFIT', max: 100 });
  const table = profitability(groups, labels, { revenue: r, profit: p, cost: isCost ? c : null });
  const blank = (x: number) => (Number.isFinite(x) ? x : '');
  const header = (['col.segment', ...PROFIT_COLUMNS] as MessageKey[]).map((k) => word(doc, k));
  return [
    header,
    ...[...table.rows, { ...table.total, label: word(doc, 'total') }].map((row) => [
      row.label,
      row.accounts,
      blank(row.share),
      blank(row.revenue),
      blank(row.cost),
      blank(row.profit),
      blank(row.margin),
      blank(row.profitShare),
      blank(row.profitPerAccount),
    ]),
  ];
}
