import {
  blankRow,
  categoryRates,
  MADKUDU,
  MIN_PER_VALUE,
  NO_PIN,
  parseSettings,
  PIN_EXCLUDE,
  pinnedTiers,
  readPin,
  outcomeOf,
  outcomeOfHeader,
  parseCell,
  quantileTiers,
  readOutcomes,
  reportCard,
  quoteCell,
  type Cell,
  type CategoryRow,
  type PinnedCard,
  type ReportCard,
} from '../core';
import type { Said, Translate } from '../i18n';
import { absent, checkFunctionCells, firstDataRow, inLanguage, refuse, say, show, toGrid, type DocumentLabels, type Framed, type Output } from './args';

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

/** A rate as the plain-words lines give it: a percentage to one decimal. */
const percent1 = (x: number) => Math.round(x * 1000) / 10;

/**
 * The plain-words lines of the pinned accounts (issue 18): those pinned up, then down, each with its
 * success rate against the unpinned rate of the tiers the score gave them; none for a direction without accounts.
 */
export function pinnedLines(p: PinnedCard): Said[] {
  const line = (code: 'report.pinsUp' | 'report.pinsDown', m: PinnedCard['up']): Said[] =>
    m.accounts > 0 && Number.isFinite(m.scoreRate) ? [{ code, params: { count: m.accounts, rate: percent1(m.rate), scoreRate: percent1(m.scoreRate) } }] : [];
  return [...line('report.pinsUp', p.up), ...line('report.pinsDown', p.down)];
}

/**
 * The pinned accounts apart (issue 18), as the "ABM Report Card" sheet has them: a title, a header,
 * per pinned tier (rate beside that tier's unpinned rate), pinned up, pinned down (rate beside the
 * mean unpinned rate of the tiers the score gave them), then the lines in words. Rates in columns 3 and 4.
 */
export function pinnedTable(p: PinnedCard, words: Translate, render: (m: Said) => string): (string | number)[][] {
  const move = (key: 'report.pinnedUp' | 'report.pinnedDown', m: PinnedCard['up']) => [words(key), m.accounts, m.successes, num(m.rate), num(m.scoreRate)];
  return [
    [words('report.pinnedTitle')],
    [words('report.tier'), words('report.pinnedAccounts'), words('report.successes'), words('report.rate'), words('report.unpinnedRate')],
    ...p.tiers.map((t) => [t.label, t.accounts, t.successes, num(t.rate), num(t.unpinnedRate)]),
    move('report.pinnedUp', p.up),
    move('report.pinnedDown', p.down),
    ...pinnedLines(p).map((m) => [render(m)]),
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
 * The `pins` argument (issue 18): one cell per row of the tiers, from the same top row, read as ABMTIER
 * reads its pins (a tier label, 1/2/3 or exclude, a reason after a colon); a cell that is not a pin
 * refuses the call, naming its row. Null when absent or when no cell holds a pin.
 */
function pinsOf(pins: unknown, framed: Framed, labels: readonly string[]): Int8Array | null {
  if (absent(pins)) return null;
  const grid = toGrid(pins);
  checkFunctionCells(grid.length, grid[0]?.length ?? 0);
  const skip = (framed.lead ?? 0) + (framed.header ? 1 : 0);
  const pin = new Int8Array(framed.rows.length).fill(NO_PIN);
  let any = false;
  for (let i = 0; i < pin.length; i++) {
    const cell = grid[skip + i]?.[0] ?? null;
    const read = readPin(cell, labels);
    if (!read)
      refuse('pin.bad', {
        row: { code: 'cell.rowOfRange', params: { row: firstDataRow(framed) + i } },
        column: { code: 'cell.column', params: { column: 'pins' } },
        value: quoteCell(cell),
        t1: labels[0],
        t2: labels[1],
        t3: labels[2],
      });
    pin[i] = read.pin;
    any ||= read.pin !== NO_PIN;
  }
  return any ? pin : null;
}

/**
 * =ABMREPORT(tiers_or_scores, outcomes, [category], [pins]): the report card of SPEC §13 as a table; with a
 * category range (a text column such as Region), its success rate by value below (issue 17); with a pins
 * range, the pinned accounts apart below that (issue 18). Scores are cut 20/30/50 with the pins taking their
 * places (as ABMTIER's pins); tier labels are read as the tiers the score gave, each pinned row counted apart.
 */
export function abmReport(tiersOrScores: unknown, outcomes: unknown, doc: DocumentLabels = {}, category?: unknown, pins?: unknown): Output {
  return inLanguage(doc, () => {
    const labels = tierLabels(doc);
    const { input, result, category: cat } = frames(tiersOrScores, outcomes, labels, doc, category);
    const { tier: alone, score } = tiersOf(input, labels, doc);
    const pin = pinsOf(pins, input, labels);
    // With scores the unpinned accounts take the places the pinned ones leave (docs/scoring.md, "Pinned tiers");
    // with tiers, a pinned row takes its pin and an excluded one none.
    const tier = !pin
      ? alone
      : score
        ? pinnedTiers(score, parseSettings({}), alone, score, null, { pin, reason: Array.from(pin, () => null) }).tier
        : Int8Array.from(alone, (t, i) => (t < 0 || pin[i] === NO_PIN ? t : pin[i] === PIN_EXCLUDE ? -1 : pin[i]));
    const cells: Cell[] = tier.length > 0 ? Array.from(tier, (_, i) => result.rows[i]?.[0]) : [];
    const read = readOutcomes(cells, result.header ? (outcomeOfHeader(result.header[0])?.failure ?? false) : false);
    const card = reportCard({ tier, score, outcomes: read, labels, pins: pin && { pin, alone } });
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
    const words = say(doc);
    const out = reportTable(card, words, show(doc), extra);
    const w = out[0].length;
    const below = (block: (string | number)[][]) => [
      new Array<string>(w).fill(''),
      ...block.map((r) => [...r, ...new Array<string>(Math.max(0, w - r.length)).fill('')]),
    ];
    if (cat) {
      const counted = Int8Array.from(read.success, (o, i) => (tier[i] >= 0 ? o : -1));
      const values = Array.from(tier, (_, i) => cat.rows[i]?.[0]);
      const name = cat.header ? String(cat.header[0] ?? '').trim() : '';
      out.push(...below(categoryTable(name || words('report.categoryColumn'), categoryRates(values, counted), words)));
    }
    if (card.pinned) out.push(...below(pinnedTable(card.pinned, words, show(doc))));
    return out;
  });
}
