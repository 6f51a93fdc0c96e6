import { OrdersBuilder, asOfMs, mapOrderColumns } from '../src/core';
import { random } from '../src/sample/accounts';
import { line, time } from './stats';

/** 100 000 order lines → accounts (and their RFM inputs), in Node. */
export function benchOrders(): void {
  const header = ['Account', 'Order date', 'Revenue', 'Order ID', 'Product'];
  const rnd = random(9);
  const rows: string[][] = [];
  for (let i = 0; i < 100_000; i++) {
    const day = Math.floor(rnd() * 1000);
    const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    rows.push([`Customer ${Math.floor(rnd() * 8000)}`, date, String(Math.round(rnd() * 500)), `o${Math.floor(i / 2)}`, `p${Math.floor(rnd() * 40)}`]);
  }
  const ms = time(() => {
    const builder = new OrdersBuilder(mapOrderColumns(header), header);
    rows.forEach((r, i) => builder.add(r, i + 2));
    if (builder.finish(asOfMs('2026-11-23')).accounts.length === 0) throw new Error('no accounts');
  }, 5);
  line('orders → accounts, 100,000 order lines', `${ms.toFixed(0)} ms`, 'well under 1 s');
}
