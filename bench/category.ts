/** A weighted category in the score (issue 17): the pipeline on 100 000 accounts with and without it. `node --import tsx bench/category.ts` */
import { pathToFileURL } from 'node:url';
import { analyseRows, parseSettings, type Cell } from '../src/core';
import { line, time } from './stats';

export function benchCategory(): void {
  const n = 100_000;
  const header: Cell[] = ['Account', 'Revenue', 'Profit', 'Engagement', 'Industry', 'Won'];
  const rows: Cell[][] = [];
  let seed = 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < n; i++)
    rows.push([
      `A${i}`,
      Math.round(random() * 1e6),
      Math.round(random() * 1e5),
      Math.round(random() * 100),
      `Industry ${Math.floor(random() * 40)}`,
      random() < 0.3 ? 'Won' : 'Lost',
    ]);
  for (const weight of [0, 2]) {
    const settings = parseSettings({ weights: { Industry: weight } });
    const ms = time(() => void analyseRows(header, rows, settings).score, 5);
    line(`pipeline, ${n.toLocaleString('en-US')} accounts, Industry weight ${weight}`, `${ms.toFixed(0)} ms`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchCategory();
