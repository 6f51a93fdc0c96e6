import {
  blankRow,
  categoryRates,
  MADKUDU,
  MIN_PER_VALUE,
  outcomeOf,
  outcomeOfHeader,
  parseCell,
  quantileTiers,
  readOutcomes,
  reportCard,
  quoteCell,
  type Cell,
  type CategoryRow,
  type ReportCard,
} from '../core';
import type { Said, Translate } from '../i18n';
import { checkFunctionCells, inLanguage, refuse, say, show, toGrid, type DocumentLabels, type Framed, type Output } from './args';

/** A number for a cell: blank where there is none (NaN, ±Infinity shown as ∞). */
function num(x: number): string | number {
  return x === Number.POSITIVE_INFINITY ? '∞' : Number.isFinite(x) ? x : '';
}

/**
 * The report card as a table, the same on every surface (cells, the "ABM Report Card" sheet, the
 * CLI's text): per tier and all, then AUC, Tier 1 ÷ Tier 3, the capture of Tier 1 + 2 against
 * MadKudu's bar, the verdict and how many accounts it counted. Rows are padded to one width.
 */
export function reportTable(card: ReportCard, words: Translate, render: (m: Said) => string, extra: readonly Said[] = []): Output {
  const [l1, l2, l3] = card.tiers.map((t) => t.label);
  const head = ['report.tier', 'report.accounts', 'report.successes', 'report.rate', 'report.low', 'report.high', 'report.lift'] as const;
  const header: (string | number)[] = head.map((k) => words(k));
  if (card.numeric) header.push(words('report.sum'), words('report.share'));
  const all = {
    label: words('report.all'),
    accounts: card.accounts,
    successes: card.successes,
    rate: card.baseRate,
    rateLow: Number.NaN,
    rateHigh: Number.NaN,
    lift: card.accounts > 0 ? 1 : Number.NaN,
    sum: card.total,
    share: card.numeric && card.total !== 0 ? 1 : Number.NaN,
  };
  const rows: (string | number)[][] = [...card.tiers, all].map((t) => {
    const row = [t.label, t.accounts, t.successes, num(t.rate), num(t.rateLow), num(t.rateHigh), num(t.lift)];
    if (card.numeric) row.push(num(t.sum), num(t.share));
    return row;
  });
  const pass = (ok: boolean) => words(ok ? 'report.pass' : 'report.fail');
  const out: (string | number)[][] = [
    header,
    ...rows,
    [],
    [words('report.auc'), '', '', num(card.auc), num(card.aucLow), num(card.aucHigh)],
    [`${l1} ÷ ${l3}`, '', '', num(card.tier1OverTier3), `≥ ${MADKUDU.ratio}`, '', pass(card.madKudu.ratio)],
    [
      words('report.captureAccounts', { first: l1, second: l2 }),
      '',
      '',
      num(card.captureTop2.accounts),
      `≤ ${MADKUDU.accounts * 100} %`,
      '',
      pass(card.captureTop2.accounts <= MADKUDU.accounts),
    ],
    [
      words('report.captureSuccesses', { first: l1, second: l2 }),
      '',
      '',
      num(card.captureTop2.successes),
      `≥ ${MADKUDU.successes * 100} %`,
      '',
      pass(card.captureTop2.successes >= MADKUDU.successes),
    ],
    [words('report.bar'), '', '', '', '', '', pass(card.madKudu.pass)],
    [],
    [words('report.verdict'), render(card.verdict as Said)],
    [render({ code: 'report.used', params: { count: card.accounts, leftOut: card.leftOut } })],
    ...extra.map((m) => [render(m)]),
  ];
  const w = header.length;
  return out.map((r) => (r.length >= w ? r : [...r, ...new Array<string>(w - r.length).fill('')]));
}

/**
 * Success rate by the values of a category column (issue 17), the same on every surface: a title
 * naming the column, a header, one row per value (values under 20 accounts pooled as Other).
 */
export function categoryTable(column: string, rows: readonly CategoryRow[], words: Translate): (string | number)[][] {
  const head = ['report.accounts', 'report.successes', 'report.rate', 'report.low', 'report.high', 'report.lift'] as const;
  return [
    [words('report.category', { column, min: MIN_PER_VALUE })],
    [column, ...head.map((k) => words(k))],
    ...rows.map((r) => [r.other ? words('report.other') : r.label, r.accounts, r.successes, num(r.rate), num(r.rateLow), num(r.rateHigh), num(r.lift)]),
  ];
}

/** The tier labels in the document's language (its own labels where it has them). */
function tierLabels(doc: DocumentLabels): [string, string, string] {
  const words = say(doc);
  return doc.labels ?? [words('tier.1'), words('tier.2'), words('tier.3')];
}

/**
 * A column of scores (every filled cell a number) is cut into tiers by the quantile rule (20/30/50);
 * a column of tier labels (the document's, or Tier 1/2/3 in English) is read as it is.
 */
function tiersOf(framed: Framed, labels: readonly string[], doc: DocumentLabels): { tier: Int8Array; score: Float64Array | null } {
  const n = framed.rows.length;
  const score = new Float64Array(n).fill(Number.NaN);
  let numbers = true;
  for (let i = 0; i < n && numbers; i++) {
    const row = framed.rows[i];
    if (blankRow(row)) continue;
    const parsed = parseCell(row[0], 'number', 0, doc.locale);
    if (parsed.ok) score[i] = parsed.value;
    else if (!parsed.missing) numbers = false;
  }
  if (numbers) return { tier: quantileTiers(score, [20, 30, 50]), score };
  const english = ['Tier 1', 'Tier 2', 'Tier 3'];
  const tier = new Int8Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const row = framed.rows[i];
    if (blankRow(row)) continue;
    const text = String(row[0]).trim();
    let t = labels.indexOf(text);
    if (t < 0) t = english.indexOf(text);
    if (t < 0)
      refuse('report.notTier', { row: (framed.lead ?? 0) + (framed.header ? 2 : 1) + i, value: text, labels: `${labels[0]}, ${labels[1]}, ${labels[2]}` });
    tier[i] = t;
  }
  return { tier, score: null };
}

/**
 * The two ranges as columns with or without a header row. Tier labels (`Tier 1`) and outcomes (`Won`)
 * are text, so the usual header search would take a first data row for a header: here the first
 * cell of the tiers is a header when it is text that is neither a tier nor a number, and ranges of
 * the same height share that answer (the outcome's header may be `Won`); otherwise the outcome's
 * first cell is a header when it reads as no outcome.
 */
function frames(
  tiersOrScores: unknown,
  outcomes: unknown,
  labels: readonly string[],
  doc: DocumentLabels,
  category?: unknown,
): { input: Framed; result: Framed; category: Framed | null } {
  // Trailing blank rows dropped (an open range such as O1:O has thousands); the heights compared before that.
  const trim = (g: Cell[][]) => {
    let end = g.length;
    while (end > 0 && blankRow(g[end - 1])) end--;
    return g.slice(0, end);
  };
  const rawT = toGrid(tiersOrScores);
  const rawO = toGrid(outcomes);
  const same = rawT.length === rawO.length;
  const t = trim(rawT);
  const o = trim(rawO);
  checkFunctionCells(t.length, t[0]?.length ?? 0);
  checkFunctionCells(o.length, o[0]?.length ?? 0);
  const first = (g: Cell[][]) => (g.length && typeof g[0][0] === 'string' && g[0][0].trim() !== '' ? g[0][0].trim() : null);
  const tf = first(t);
  const tHead = tf !== null && !labels.includes(tf) && !['Tier 1', 'Tier 2', 'Tier 3'].includes(tf) && !parseCell(tf, 'number', 0, doc.locale).ok;
  const of = first(o);
  const oHead = same ? tHead : of !== null && outcomeOf(of) === null;
  const framed = (g: Cell[][], head: boolean): Framed => (head ? { header: g[0], rows: g.slice(1) } : { header: null, rows: g });
  // A category range (text) has a header when the tiers have one.
  let c: Framed | null = null;
  if (category !== undefined && category !== null && category !== '') {
    const g = toGrid(category);
    checkFunctionCells(g.length, g[0]?.length ?? 0);
    c = framed(g, tHead);
  }
  return { input: framed(t, tHead), result: framed(o, oHead), category: c };
}

/**
 * =ABMREPORT(tiers_or_scores, outcomes, [category]): the report card of SPEC §13 as a table; with a
 * category range (a text column such as Region), its success rate by value below (issue 17).
 */
export function abmReport(tiersOrScores: unknown, outcomes: unknown, doc: DocumentLabels = {}, category?: unknown): Output {
  return inLanguage(doc, () => {
    const labels = tierLabels(doc);
    const { input, result, category: cat } = frames(tiersOrScores, outcomes, labels, doc, category);
    const { tier, score } = tiersOf(input, labels, doc);
    const cells: Cell[] = tier.length > 0 ? Array.from(tier, (_, i) => result.rows[i]?.[0]) : [];
    const read = readOutcomes(cells, result.header ? (outcomeOfHeader(result.header[0])?.failure ?? false) : false);
    const card = reportCard({ tier, score, outcomes: read, labels });
    if (card.accounts === 0) refuse('report.noRows', {});
    const extra: Said[] = [];
    if (read.unreadable > 0) {
      const at = read.firstUnreadable;
      const row = (result.lead ?? 0) + (result.header ? 2 : 1) + at;
      extra.push({
        code: 'report.unreadable',
        params: { count: read.unreadable, where: { code: 'cell.rowOfRange', params: { row } }, value: quoteCell(cells[at]) },
      });
    }
    const out = reportTable(card, say(doc), show(doc), extra);
    if (!cat) return out;
    const counted = Int8Array.from(read.success, (o, i) => (tier[i] >= 0 ? o : -1));
    const values = Array.from(tier, (_, i) => cat.rows[i]?.[0]);
    const name = cat.header ? String(cat.header[0] ?? '').trim() : '';
    const words = say(doc);
    const block = categoryTable(name || words('report.categoryColumn'), categoryRates(values, counted), words);
    const w = out[0].length;
    return [...out, new Array<string>(w).fill(''), ...block.map((r) => [...r, ...new Array<string>(Math.max(0, w - r.length)).fill('')])];
  });
}
