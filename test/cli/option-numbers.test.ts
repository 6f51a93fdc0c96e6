import { describe, expect, it } from 'vitest';
import { optionNumber } from '../../src/cli/args';
import { cliInFolder } from './helpers';

const { file, cli } = cliInFolder('abm-numbers-');

const ACCOUNTS = `Account,Revenue,Profit,Engagement\n${Array.from({ length: 30 }, (_, i) => `A${i},${(i * 37) % 101},${(i * 13) % 17},${(i * 7) % 23}`).join('\n')}\n`;
const ORDERS = 'Account,Order date,Revenue\nA,2026-01-02,10\nA,2026-02-03,20\nB,2026-03-04,5\nC,2026-01-05,7\nC,2026-05-06,9\nD,2026-06-07,3\n';

async function json(...argv: string[]) {
  const r = await cli(...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('numbers in options are read one way: exponents accepted everywhere, anything else refused everywhere', () => {
  it('the one reader takes decimals and exponents, and refuses hex, Infinity, spaces inside, commas and nothing', () => {
    expect(['3', '-1.5', '.5', '5.', '+2', '1e3', '2E1', ' 7 '].map(optionNumber)).toEqual([3, -1.5, 0.5, 5, 2, 1000, 20, 7]);
    for (const bad of ['0x10', 'Infinity', '1 000', '1,5', '', 'e3', '1e', '--1', '1_000']) expect(optionNumber(bad)).toBeNaN();
  });

  // Each option: a value written with an exponent gives what the plain value gives; `0x10` is refused.
  const cases: [string, string, string, string][] = [
    ['--weights', 'revenue=1e3', 'revenue=1000', 'revenue=0x10'],
    ['--cutoffs', '2e1,30,50', '20,30,50', '0x14,30,50'],
    ['--thresholds', '7e1,4e1', '70,40', '0x46,40'],
    ['--capacity', '1e0,3,1,1e1', '1,3,1,10', '1,3,1,0xA'],
  ];
  it.each(cases)('%s %s is read as %s, and a hexadecimal value is refused', async (flag, withExponent, plain, hex) => {
    const path = file('accounts.csv', ACCOUNTS);
    const method = flag === '--thresholds' ? ['--method', 'threshold'] : flag === '--capacity' ? ['--method', 'capacity'] : [];
    expect(await json('score', path, ...method, flag, withExponent)).toEqual(await json('score', path, ...method, flag, plain));
    const refused = await cli('score', path, ...method, flag, hex);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(new RegExp(`^abm-tier: ${flag} takes `, 'u'));
  });

  it('--bins 3e0 is read as 3, and --bins 0x5 is refused like any other bad value', async () => {
    const path = file('orders.csv', ORDERS);
    expect(await json('rfm', path, '--as-of', '2026-07-01', '--bins', '3e0')).toEqual(await json('rfm', path, '--as-of', '2026-07-01', '--bins', '3'));
    expect(await cli('rfm', path, '--bins', '0x5')).toEqual({ code: 2, out: '', err: 'abm-tier: --bins is a whole number from 2 to 10, not "0x5".\n' });
  });
});
