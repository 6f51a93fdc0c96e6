import { describe, expect, it } from 'vitest';
import { analyseGrid, lookalikeOfTier1, parseSettings } from '../../src/core';
import { SAMPLE_HEADER } from '../../src/sample/accounts';
import { findLookalikes, LOOKALIKE_FORMAT } from '../../src/sheet/lookalike-column';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { SETTINGS_PROPERTY } from '../../src/sheet/keys';
import { FakeSpreadsheet, type Value } from '../fakes/workbook';
import { accountsGrid, workbook } from './helpers';

const WIDTH = SAMPLE_HEADER.length;
const COLUMN = WIDTH + 7; // after Score … Drivers, Grid: X
const ENGAGEMENT = SAMPLE_HEADER.indexOf('Engagement');

function withLookalikes(n = 40) {
  const grid = accountsGrid(n);
  const w = workbook(grid);
  scoreSheet(w.session.services);
  findLookalikes(w.session.services);
  return { ...w, grid };
}

const columnValues = (values: Value[][], n: number) => values.slice(1, n + 1).map((r) => r[COLUMN - 1]);

describe('the Lookalike column says when it was computed and follows each Score (issue 15)', () => {
  it('notes on its header when and from which tier it was computed, and shows its values with one decimal', () => {
    const { sheet } = withLookalikes();
    expect(sheet.shown(1, COLUMN)).toBe('Lookalike');
    expect(sheet.noteAt(1, COLUMN)).toMatch(
      /^Similarity to the Tier 1 accounts \(0–100\), computed \d{4}-\d{2}-\d{2} \d{2}:\d{2}; each Score refreshes it\.$/u,
    );
    expect(sheet.formatAt(2, COLUMN)).toBe(LOOKALIKE_FORMAT);
    expect(sheet.formatAt(41, COLUMN)).toBe('0.0');
  });

  it('is recomputed by Score from the tiers Score just wrote', () => {
    const { sheet, session, grid } = withLookalikes();
    // New data: engagement turned round, so the tiers and the profile of Tier 1 change.
    for (let r = 1; r <= 40; r++) sheet.write(r + 1, ENGAGEMENT + 1, [[100 - (grid[r][ENGAGEMENT] as number)]]);
    const before = columnValues(sheet.snapshot().values, 40);
    scoreSheet(session.services);
    const now = sheet.snapshot().values;
    const engine = analyseGrid(
      now.map((r) => r.slice(0, WIDTH)),
      parseSettings({}),
    );
    const expected = Array.from(lookalikeOfTier1(engine.table, engine.tier));
    const got = columnValues(now, 40) as number[];
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(got).not.toEqual(before);
    expect(sheet.shown(1, COLUMN)).toBe('Lookalike');
  });

  it('is marked stale, its values kept, when someone typed in it; the warning names the cells', () => {
    const { sheet, session } = withLookalikes();
    sheet.write(3, COLUMN, [['ask Dana']]);
    const kept = columnValues(sheet.snapshot().values, 40);
    const report = scoreSheet(session.services);
    expect(columnValues(sheet.snapshot().values, 40)).toEqual(kept);
    expect(sheet.shown(1, COLUMN)).toMatch(/^Lookalike \(stale since \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)$/u);
    expect(report.warnings.join(' ')).toContain('The Lookalike column X was not refreshed: X3 were not written by ABM Tier.');
  });

  it('is marked stale when no account is in Tier 1 any more, and fresh again after the next Score that has one', () => {
    const { book, sheet, session } = withLookalikes();
    const report = scoreSheet(session.services, { method: 'threshold', thresholds: [100, 40] });
    expect(report.warnings.join(' ')).toContain('The Lookalike column X is marked stale: no account is in Tier 1 now.');
    expect(sheet.shown(1, COLUMN)).toMatch(/^Lookalike \(stale since /u);
    book.properties[SETTINGS_PROPERTY] = JSON.stringify(parseSettings({}));
    scoreSheet(session.services);
    expect(sheet.shown(1, COLUMN)).toBe('Lookalike');
  });

  it('costs Score five calls more only where the column exists, the same for 10 rows as for 2,000', () => {
    const counts: number[] = [];
    for (const n of [10, 2000]) {
      const { book, session } = withLookalikes(n);
      scoreSheet(session.services);
      book.calls.reset();
      scoreSheet(session.services);
      counts.push(book.calls.total);
      expect(book.calls.byMethod['Range.setNote']).toBe(1);
    }
    const plain = workbook(accountsGrid(10));
    scoreSheet(plain.session.services);
    plain.book.calls.reset();
    scoreSheet(plain.session.services);
    // Reading where the column is (1), its values (2) and the note on its header (2).
    expect(counts).toEqual([plain.book.calls.total + 5, plain.book.calls.total + 5]);
  });

  it("speaks the document's language", () => {
    const book = new FakeSpreadsheet({ Accounts: accountsGrid(30) }, 'th_TH');
    const session = book.session();
    scoreSheet(session.services);
    findLookalikes(session.services);
    const sheet = book.sheet('Accounts');
    expect(sheet.shown(1, COLUMN)).toBe('ความคล้าย');
    expect(sheet.noteAt(1, COLUMN)).toMatch(/^ความคล้ายกับบัญชี .+ \(0–100\) คำนวณเมื่อ /u);
  });
});
