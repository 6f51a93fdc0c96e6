import { duplicateAccounts, findOrderLines, ROW_OK } from '../src/core';
import { ORDER_LINES_HEADER, orderLinesTable } from '../test/fixtures/order-lines';
import { line, time } from './stats';

/**
 * What Score's order-lines check and the one duplicate warning cost: on the Superstore-shaped lines
 * (9,994) and on 1,000,000 account names (the CLI's largest file). Run alone:
 * `node --import tsx bench/order-lines.ts`.
 */
export function benchOrderLines(): void {
  const lines = orderLinesTable();
  const customers = lines.slice(1).map((r) => String(r[ORDER_LINES_HEADER.indexOf('Customer ID')]));
  line('order-lines check, 9,994 Superstore-shaped lines', `${time(() => findOrderLines(lines[0], customers), 20).toFixed(2)} ms`);
  const n = 1_000_000;
  // Flat strings, as a CSV reader or getValues gives them.
  const names: string[] = JSON.parse(JSON.stringify(Array.from({ length: n }, (_, i) => `Account ${(i * 7919) % (n * 0.9)}`)));
  const header = ['Account', 'Date', 'Revenue'];
  line('order-lines check, 1,000,000 names (a Date column)', `${time(() => findOrderLines(header, names), 5).toFixed(0)} ms`);
  line('order-lines check, 1,000,000 names (no order column)', `${time(() => findOrderLines(['Account', 'Revenue'], names), 5).toFixed(3)} ms`);
  const table = { accounts: names, status: new Uint8Array(n).fill(ROW_OK), rowNumbers: Int32Array.from({ length: n }, (_, i) => i + 2) };
  line('one duplicate warning, 1,000,000 names (100,000 repeat)', `${time(() => duplicateAccounts(table), 5).toFixed(0)} ms`);
}

if (process.argv[1]?.endsWith('order-lines.ts')) benchOrderLines();
