import { analyse, asOfMs, mapColumns, NO_PIN, parseSettings, readRows, type Cell, type Pins } from '../src/core';
import { HEADER, syntheticRows } from './data';
import { line, time } from './stats';

/** Tiers with and without pins (1 % of the accounts pinned, a tenth of those excluded), quantile and capacity. */
export function benchPins(): void {
  for (const method of ['quantile', 'capacity'] as const) {
    const settings = parseSettings({ asOf: '2026-01-01', method });
    const n = 100_000;
    const mapping = mapColumns([...HEADER], HEADER.length, settings);
    const table = readRows(syntheticRows(n) as Cell[][], mapping, asOfMs(settings.asOf), 2);
    const pins: Pins = { pin: new Int8Array(n).fill(NO_PIN), reason: new Array(n).fill(null) };
    for (let i = 0; i < n; i += 100) pins.pin[i] = i % 1000 === 0 ? 3 : (i / 100) % 3;
    const plain = time(() => analyse(table, settings).tier, 5);
    const pinned = time(() => analyse(table, settings, pins).tier, 5);
    line(`tiers, ${n.toLocaleString('en-US')} accounts, ${method}`, `${plain.toFixed(0)} ms`, `with 1,000 pins ${pinned.toFixed(0)} ms`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchPins();
