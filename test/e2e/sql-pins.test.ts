import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server';
import type { Value } from '../fakes/workbook';
import { openPreview, useBrowser } from './browser';

const browser = useBrowser();
/** Ten accounts A…J, revenue 100 … 10: sheet rows 2…11. */
const grid: Value[][] = [['Account', 'Revenue'], ...Array.from({ length: 10 }, (_, i): Value[] => [String.fromCharCode(65 + i), 100 - 10 * i])];

describe('Copy as SQL follows the pins kept in the document (Chromium, the real server code on the in-memory sheet)', () => {
  it("pins made in this sidebar, scored: the copied SQL, run on DuckDB, gives the sheet's tiers", async () => {
    const preview = await startPreview({ Accounts: grid });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      const { sidebar } = await openPreview(browser(), preview.url);
      await sidebar.waitForSelector('#columns, #problem');
      await sidebar.click('#pins-block summary');
      for (const [rows, tier] of [
        ['9', '1'],
        ['2', 'exclude'],
      ]) {
        await sidebar.selectOption('#pin-tier', tier);
        await sidebar.fill('#pin-rows-field', rows);
        await sidebar.click('#pin-rows');
        await sidebar.waitForFunction((r) => document.getElementById('pins-result')?.textContent?.includes(r === '9' ? 'H' : 'A'), rows);
      }
      await sidebar.click('#score');
      await sidebar.waitForSelector('#result');
      const values = preview.book.sheet('Accounts').snapshot().values;
      const sheetTiers = values.slice(1, 11).map((r) => [r[0], r[3] || null]);
      expect(sheetTiers.find((r) => r[0] === 'H')?.[1]).toBe('Tier 1');

      await sidebar.selectOption('#sql-dialect', 'duckdb');
      await sidebar.fill('#sql-table', 'accounts');
      await sidebar.click('#copy-sql');
      await sidebar.waitForSelector('#sql-text:not([hidden])');
      const text = await sidebar.inputValue('#sql-text');
      expect(text).toContain('abm_doc');
      const path = join(mkdtempSync(join(tmpdir(), 'abm-e2e-sql-')), 'accounts.csv');
      writeFileSync(path, `${grid.map((r) => r.join(',')).join('\n')}\n`);
      await db.run(`CREATE TABLE accounts AS SELECT * FROM read_csv('${path}', header = true)`);
      const [create, scores] = text.split(/;\n/u);
      await db.run(create);
      const rows = (await db.runAndReadAll(`${scores} ORDER BY "account"`)).getRowObjectsJS() as { account: string; tier: string | null }[];
      expect(rows.map((r) => [r.account, r.tier])).toEqual(sheetTiers);
    } finally {
      db.closeSync();
      await preview.close();
    }
  });
});
