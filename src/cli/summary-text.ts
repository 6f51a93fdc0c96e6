import { KPI_LABELS, type Analysis, type Kpis, type ProfitRow } from '../core';

/** The `summary` command: a report a person reads in a terminal. */

function money(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–';
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–';
}

function table(title: string, rows: ProfitRow[]): string {
  const head = [title, 'Accounts', 'Share', 'Revenue', 'Cost', 'Profit', 'Margin', 'Profit share'];
  const body = rows.map((r) => [r.label, String(r.accounts), pct(r.share), money(r.revenue), money(r.cost), money(r.profit), pct(r.margin), pct(r.profitShare)]);
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  return all.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

export function summaryText(analysis: Analysis, file: string): string {
  const { settings, capacity, kpis, whale } = analysis;
  const lines: string[] = [];
  lines.push(`ABM Tier summary of ${file}: ${analysis.scored} accounts scored (method ${settings.method}).`, '');
  lines.push(table('Tier', [...analysis.byTier.rows, analysis.byTier.total]), '');
  lines.push(table('Segment', [...analysis.bySegment.rows, analysis.bySegment.total]), '');
  lines.push('ABM programs');
  capacity.programs.forEach((p, t) => lines.push(`  ${p.padEnd(26)} ${String(capacity.accounts[t]).padStart(6)} accounts  ${String(capacity.marketers[t]).padStart(4)} marketer${capacity.marketers[t] === 1 ? '' : 's'}`));
  lines.push('');
  if (whale) lines.push(`Whale curve: profit peaks at ${pct(whale.peak)} of total profit with the top ${pct(whale.peakAccounts)} of accounts.`, '');
  lines.push('KPIs');
  for (const key of Object.keys(KPI_LABELS) as (keyof Kpis)[]) {
    const v = kpis[key];
    lines.push(`  ${KPI_LABELS[key].padEnd(28)} ${v === null ? 'no data' : Number.isInteger(v) ? String(v) : v.toFixed(2)}`);
  }
  const best = analysis.bySegment.rows.reduce((a, b) => (b.profit > a.profit ? b : a), analysis.bySegment.rows[0]);
  if (best && Number.isFinite(best.profit)) lines.push('', `The segment that earns the most profit: ${best.label} (${pct(best.profitShare)} of profit from ${pct(best.share)} of accounts).`);
  const problems = analysis.table.messages.size;
  if (problems) lines.push('', `${problems} row${problems > 1 ? 's' : ''} could not be scored; run abm-tier score for the messages.`);
  return `${lines.join('\n')}\n`;
}
