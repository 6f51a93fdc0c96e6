/** `abm-tier report FILE.csv [--outcome COLUMN]`: the report card (SPEC §13) of a scored file. */
import {
  type Analysis,
  cardPins,
  categoryRates,
  finite,
  type CategoryRow,
  normaliseHeader,
  outcomeOfHeader,
  quoteCell,
  rateFigures,
  readOutcomes,
  reportCard,
  type ReportCard,
} from '../core';
import { categoryTable, pinnedTable } from '../functions/abmreport';
import { renderer, translator, type Lang, type Said } from '../i18n';
import { readCsv } from './csv';
import { headerList } from './excerpt';

export class ReportError extends Error {
  override name = 'ReportError';
}

/** The outcome column: the one `--outcome` names (exactly, or as headers are matched), else the first whose header names an outcome. */
export function outcomeColumn(header: readonly string[], chosen: string | null, lang: Lang): number {
  if (chosen !== null) {
    let at = header.indexOf(chosen.trim());
    if (at < 0) at = header.map(normaliseHeader).indexOf(normaliseHeader(chosen));
    if (at < 0) throw new ReportError(`--outcome ${JSON.stringify(chosen)} is not a column of the file (${headerList(header)}).`);
    return at;
  }
  const at = header.findIndex((h) => outcomeOfHeader(h) !== null);
  if (at < 0) throw new ReportError(`${renderer(lang)({ code: 'report.noOutcome' })} (${headerList(header)}; or choose one with --outcome COLUMN)`);
  return at;
}

/** The card of the scored file against its outcome column (read again, that column alone). */
export function fileReport(path: string, analysis: Analysis, header: readonly string[], chosen: string | null, lang: Lang) {
  const { table } = analysis;
  // Without --outcome, a column the settings map as outcome (roles) comes first, as in the sheet.
  const mapped = table.mapping.outcome;
  const column = chosen === null && mapped ? mapped.index : outcomeColumn(header, chosen, lang);
  // The category columns (issue 17), read in the same pass.
  const kept = table.mapping.categories.filter((c) => c.index !== column);
  const byRecord: (string | undefined)[] = [];
  const byCategory: (string | undefined)[][] = kept.map(() => []);
  readCsv(path, (fields, record) => {
    byRecord[record] = fields[column];
    for (let k = 0; k < kept.length; k++) byCategory[k][record] = fields[kept[k].index];
  });
  const cells = Array.from(table.rowNumbers, (record) => byRecord[record]);
  const outcomes = readOutcomes(cells, outcomeOfHeader(header[column])?.failure ?? false);
  const card = reportCard({ tier: analysis.tier, score: analysis.score, outcomes, labels: analysis.settings.labels, pins: cardPins(analysis) });
  const tier = analysis.tier;
  const counted = Int8Array.from(outcomes.success, (o, i) => (tier[i] >= 0 && tier[i] <= 2 ? o : -1));
  const categories = kept.map((c, k) => ({
    column: c.header,
    rows: categoryRates(
      Array.from(table.rowNumbers, (record) => byCategory[k][record]),
      counted,
    ),
  }));
  const notes: Said[] = [];
  if (outcomes.unreadable > 0) {
    const at = outcomes.firstUnreadable;
    notes.push({
      code: 'report.unreadable',
      params: { count: outcomes.unreadable, where: { code: 'cell.row', params: { row: table.rowNumbers[at] } }, value: quoteCell(cells[at]) },
    });
  }
  return { outcome: header[column], card, notes, categories };
}

/** Success rate by the values of each category column. */
export type FileCategories = { column: string; rows: CategoryRow[] }[];

const n = finite;

/** The JSON object of the issue: outcome, accounts, successes, baseRate, auc, aucLow, aucHigh, tiers, captureTop2, verdict, and more. */
export function reportJson(outcome: string, card: ReportCard, lang: Lang, notes: readonly Said[], categories: FileCategories = []): string {
  const show = renderer(lang);
  return `${JSON.stringify({
    outcome,
    accounts: card.accounts,
    successes: card.successes,
    failures: card.failures,
    leftOut: card.leftOut,
    baseRate: n(card.baseRate),
    auc: n(card.auc),
    aucLow: n(card.aucLow),
    aucHigh: n(card.aucHigh),
    aucInterval: 'DeLong 95 %',
    tiers: card.tiers.map((t) => ({ label: t.label, ...rateFigures(t), ...(card.numeric ? { sum: n(t.sum), share: n(t.share) } : {}) })),
    ...(card.numeric ? { total: n(card.total) } : {}),
    tier1OverTier3: card.tier1OverTier3 === Number.POSITIVE_INFINITY ? 'Infinity' : n(card.tier1OverTier3),
    captureTop2: { accounts: n(card.captureTop2.accounts), successes: n(card.captureTop2.successes) },
    madKudu: card.madKudu,
    calibration: card.calibration.map((d) => ({ ...d, rate: n(d.rate), rateLow: n(d.rateLow), rateHigh: n(d.rateHigh) })),
    enough: card.enough,
    verdict: card.enough ? show(card.verdict as Said) : null,
    note: card.enough ? null : show(card.verdict as Said),
    warnings: notes.map(show),
    pinned: card.pinned && {
      tiers: card.pinned.tiers.map((t) => ({ ...t, rate: n(t.rate), unpinnedRate: n(t.unpinnedRate) })),
      up: { ...card.pinned.up, rate: n(card.pinned.up.rate), scoreRate: n(card.pinned.up.scoreRate) },
      down: { ...card.pinned.down, rate: n(card.pinned.down.rate), scoreRate: n(card.pinned.down.scoreRate) },
    },
    categories: categories.map((c) => ({
      column: c.column,
      values: c.rows.map((r) => ({ value: r.other ? null : r.label, other: r.other, ...rateFigures(r) })),
    })),
  })}\n`;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const fixed = (x: number, d: number) => (x === Number.POSITIVE_INFINITY ? '∞' : Number.isFinite(x) ? x.toFixed(d) : '–');

/** The card for people: a table per tier, then the AUC, MadKudu's bar and the verdict. */
export function reportText(outcome: string, card: ReportCard, lang: Lang, notes: readonly Said[], categories: FileCategories = []): string {
  const say = translator(lang);
  const show = renderer(lang);
  const head = [
    say('report.tier'),
    say('report.accounts'),
    say('report.successes'),
    say('report.rate'),
    `${say('report.low')} – ${say('report.high')}`,
    say('report.lift'),
  ];
  if (card.numeric) head.push(say('report.sum'), say('report.share'));
  const row = (label: string, accounts: number, successes: number, rate: number, low: number, high: number, lift: number, sum: number, share: number) => {
    const r = [label, String(accounts), String(successes), pct(rate), Number.isFinite(low) ? `${pct(low)} – ${pct(high)}` : '', `${fixed(lift, 2)} ×`];
    if (card.numeric) r.push(fixed(sum, 2), pct(share));
    return r;
  };
  const rows = [
    head,
    ...card.tiers.map((t) => row(t.label, t.accounts, t.successes, t.rate, t.rateLow, t.rateHigh, t.lift, t.sum, t.share)),
    row(say('report.all'), card.accounts, card.successes, card.baseRate, Number.NaN, Number.NaN, 1, card.total, 1),
  ];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length))
      .join('  ')
      .trimEnd(),
  );
  const [l1, l2, l3] = card.tiers.map((t) => t.label);
  const verdictOf = (ok: boolean) => say(ok ? 'report.pass' : 'report.fail');
  return `${[
    `${say('report.title')}: ${outcome}`,
    '',
    ...lines,
    '',
    `${say('report.auc')}: ${fixed(card.auc, 3)} (${fixed(card.aucLow, 3)} – ${fixed(card.aucHigh, 3)})`,
    `${l1} ÷ ${l3}: ${fixed(card.tier1OverTier3, 1)} (≥ 10: ${verdictOf(card.madKudu.ratio)})`,
    `${say('report.captureAccounts', { first: l1, second: l2 })}: ${pct(card.captureTop2.accounts)} (≤ 35 %)`,
    `${say('report.captureSuccesses', { first: l1, second: l2 })}: ${pct(card.captureTop2.successes)} (≥ 60 %)`,
    `${say('report.bar')}: ${verdictOf(card.madKudu.pass)}`,
    '',
    `${say('report.verdict')}: ${show(card.verdict as Said)}`,
    show({ code: 'report.used', params: { count: card.accounts, leftOut: card.leftOut } }),
    ...notes.map(show),
    ...categories.flatMap((c) => [
      '',
      ...aligned(categoryTable(c.column, c.rows, say).map((r) => r.map((x, c) => (typeof x === 'number' ? cellText(x, c) : x)))),
    ]),
    // The pinned accounts apart (issue 18), as the sheet has them: rates in columns 3 and 4.
    ...(card.pinned ? ['', ...aligned(pinnedTable(card.pinned, say, show).map((r) => r.map((x, c) => (typeof x === 'number' ? cellText(x, c) : x))))] : []),
  ].join('\n')}\n`;
}

/** A cell of the category table as the text card shows it: rates (columns 3–5) as percentages, the lift as `× `. */
const cellText = (x: number, c: number) => (c >= 3 && c <= 5 ? pct(x) : c === 6 ? `${fixed(x, 2)} ×` : String(x));

/** Rows as columns padded to one width; the title line (one cell) as it is. */
function aligned(rows: string[][]): string[] {
  const body = rows.filter((r) => r.length > 1);
  const widths = (body[0] ?? []).map((_, c) => Math.max(...body.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) =>
    r.length > 1
      ? r
          .map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length))
          .join('  ')
          .trimEnd()
      : r[0],
  );
}

/** The card of a scored file as JSON (default) or text (`format`), read before any output is opened. */
export function reportOutput(path: string, analysis: Analysis, header: readonly string[], chosen: string | null, lang: Lang, format: string | null): string {
  const { outcome, card, notes, categories } = fileReport(path, analysis, header, chosen, lang);
  return format === 'text' ? reportText(outcome, card, lang, notes, categories) : reportJson(outcome, card, lang, notes, categories);
}
