import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './helpers';

// In `npm run test:slow` (and `npm test`), not in `test:unit`: about 10 s on its own.
const { dir, file, cli } = cliInFolder('abm-cli-million-');

describe('abm-tier score at scale', () => {
  it('scores 1 000 000 rows', async () => {
    const lines = ['Account,Revenue,Profit'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`A${i},${(i * 7919) % 100_003},${((i * 104_729) % 5_003) - 500}`);
    file('million.csv', `${lines.join('\n')}\n`);
    const { code } = await cli('score', 'million.csv', '--out', 'million-out.csv');
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'million-out.csv'), 'utf8');
    const written = text.trimEnd().split('\n');
    expect(written).toHaveLength(1_000_001);
    expect(written[0]).toBe('Account,Revenue,Profit,Score,Tier,Segment,ABM program,Drivers');
    expect(written[1]).toMatch(/^A0,0,-500,[\d.]+,Tier 3,Filler,Programmatic ABM \(1:many\),/u);
  }, 120_000);
});
