import { KPI_KEYS, PROFIT_FIELDS, pinnedRows, type Analysis, type ProfitRow } from '../core';
import { PROFIT_COLUMNS, type MessageKey } from '../i18n';
import { cliTranslator, type CliTranslate } from '../i18n/cli';

/** The `summary` command: a report a person reads in a terminal, in the language of `--lang`. */

/** A result beyond the largest double (its true value overflowed), said as such; NaN (blank) is '–'. */
function beyond(x: number): string {
  return x > 0 ? '> 1.8e308' : x < 0 ? '< -1.8e308' : '–';
}

function money(x: number): string {
  if (!Number.isFinite(x)) return beyond(x);
  return Math.abs(x) < 1e15 ? Math.round(x).toLocaleString('en-US') : x.toExponential(3);
}

/** x · 100 with one decimal; large values keep the × 100 in the exponent (3.3e307 is 3.300e+309, where x · 100 would overflow). */
function points(x: number): string {
  if (!Number.isFinite(x)) return beyond(x);
  if (Math.abs(x) < 1e13) return (x * 100).toFixed(1);
  const [mantissa, exponent] = x.toExponential(3).split('e');
  const e = Number(exponent) + 2;
  return `${mantissa}e${e >= 0 ? '+' : ''}${e}`;
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${points(x)}%` : beyond(x);
}

function kpi(x: number): string {
  return !Number.isFinite(x) ? beyond(x) : Number.isInteger(x) ? String(x) : x.toFixed(2);
}

const FORMAT: Record<(typeof PROFIT_FIELDS)[number], (x: number) => string> = {
  accounts: String,
  share: pct,
  revenue: money,
  cost: money,
  profit: money,
  margin: pct,
  profitShare: pct,
  profitPerAccount: money,
};

/** Columns a terminal gives a text: two for CJK and other wide characters, none for combining marks (Thai vowels and tones). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/\p{M}/u.test(ch)) continue;
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

function grid(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? padEnd(cell, widths[c]) : padStart(cell, widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A profitability table with the summary sheet's columns (PROFIT_COLUMNS), profit per account included. */
function table(title: string, rows: ProfitRow[], total: ProfitRow, say: CliTranslate): string {
  const head = [title, ...PROFIT_COLUMNS.map((k) => say(k))];
  return grid([head, ...[...rows, { ...total, label: say('total') }].map((r) => [r.label, ...PROFIT_FIELDS.map((f) => FORMAT[f](r[f]))])]);
}

export function summaryText(analysis: Analysis, file: string, say: CliTranslate = cliTranslator('en')): string {
  const { settings, capacity, kpis, whale } = analysis;
  const lines: string[] = [];
  lines.push(say('cli.summaryTitle', { file, count: analysis.scored, method: say(`method.${settings.method}`) }), '');
  lines.push(table(say('col.tier'), analysis.byTier.rows, analysis.byTier.total, say), '');
  lines.push(table(say('col.segment'), analysis.bySegment.rows, analysis.bySegment.total, say), '');
  lines.push(say('summary.programs'));
  const ratios = [settings.ratios.strategic, settings.ratios.lite, settings.ratios.programmatic];
  lines.push(
    grid([
      [say('col.program'), say('col.accounts'), say('col.perMarketer'), say('col.marketers')],
      ...capacity.programs.map((p, t) => [p, String(capacity.accounts[t]), String(ratios[t]), String(capacity.marketers[t])]),
    ]).replace(/^/gmu, '  '),
    '',
  );
  if (whale)
    lines.push(
      `${say('summary.whale')}. ${say('summary.whalePeak', { peak: points(whale.peak), share: points(whale.peakAccounts), back: points(whale.peak - 1) })}`,
      '',
    );
  lines.push(say('summary.kpis'));
  lines.push(
    grid(
      KPI_KEYS.map((key) => {
        const v = kpis[key];
        return [say(`kpi.${key}` as MessageKey), v === null ? say('cli.noData') : kpi(v)];
      }),
    ).replace(/^/gmu, '  '),
  );
  const best = analysis.bySegment.rows.reduce((a, b) => (b.profit > a.profit ? b : a), analysis.bySegment.rows[0]);
  if (best && Number.isFinite(best.profit))
    lines.push('', say('cli.bestSegment', { segment: best.label, profit: pct(best.profitShare), accounts: pct(best.share) }));
  const pinned = pinnedRows(analysis);
  if (pinned.length > 0)
    lines.push(
      '',
      say('pin.heading'),
      grid(
        pinned.map((r) => [
          r.account,
          r.tier === null ? say('pin.excluded', { alone: r.alone ?? '' }) : say('pin.pinned', { tier: r.tier, alone: r.alone ?? '' }),
          r.reason ?? '',
        ]),
      ).replace(/^/gmu, '  '),
    );
  const problems = analysis.table.messages.size;
  if (problems) lines.push('', say('cli.problems', { count: problems }));
  return `${lines.join('\n')}\n`;
}
