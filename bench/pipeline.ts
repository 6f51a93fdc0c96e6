import { analyse, asOfMs, describeDrivers, mapColumns, parseSettings, readRows, type Cell } from '../src/core';
import { renderer } from '../src/i18n';
import { HEADER, syntheticRows } from './data';
import { line, time } from './stats';

/** The full pipeline (score, tiers, segments, health, summaries, KPIs, drivers text for every row) on a parsed table. */
export function benchPipeline(): void {
  // The sample's 13 weighted columns less the CRM health score: the 12 metrics the budget is set for.
  const settings = parseSettings({ asOf: '2026-01-01', weights: { health: 0 } });
  const show = renderer('en');
  for (const n of [100_000, 1_000_000]) {
    const mapping = mapColumns([...HEADER], HEADER.length, settings);
    const table = readRows(syntheticRows(n) as Cell[][], mapping, asOfMs(settings.asOf), 2);
    const weighted = mapping.metrics.filter((m) => m.weight > 0).length;
    const ms = time(
      () => {
        // An analysis computes its parts when first read: the spread reads every one.
        const a = { ...analyse(table, settings) };
        let chars = 0;
        for (let i = 0; i < table.n; i++) chars += describeDrivers(a.drivers, i, mapping.metrics, a.percentiles, show).length;
        if (chars === 0) throw new Error('no drivers');
      },
      n >= 1_000_000 ? 3 : 5,
    );
    line(`pipeline, ${n.toLocaleString('en-US')} accounts × ${weighted} weighted metrics`, `${ms.toFixed(0)} ms`, n === 100_000 ? 'budget ≤ 300 ms' : '');
  }
}
