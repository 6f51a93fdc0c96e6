import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_HEADER, sampleAccounts } from '../src/sample/accounts';

/** Synthetic accounts for the benchmarks: the sample's shape (12 weighted metrics), any size, same every time. */
export function syntheticRows(count: number, seed = 1) {
  return sampleAccounts(count, seed);
}

export const HEADER = SAMPLE_HEADER;

/** Writes `count` synthetic accounts to a CSV in the temp folder (once) and returns its path. */
export function syntheticCsv(count: number): string {
  const path = join(tmpdir(), `abm-bench-${count}-${HEADER.length}cols.csv`);
  if (existsSync(path)) return path;
  const fd = openSync(path, 'w');
  writeSync(fd, `${HEADER.join(',')}\n`);
  const batch = 50_000;
  for (let start = 0; start < count; start += batch) {
    const rows = sampleAccounts(Math.min(batch, count - start), 1000 + start);
    writeSync(fd, `${rows.map((r) => r.join(',')).join('\n')}\n`);
  }
  closeSync(fd);
  return path;
}
