import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser, csvField, type Separator } from '../../src/cli/csv';
import { OUTPUT_HEADERS } from '../../src/cli/main';
import { cliInFolder, quoted, records, runnable } from './helpers';

const { dir, file, cli } = cliInFolder('abm-csv-out-');

const SEPARATORS: Separator[] = [',', ';', '\t'];
const ATTACKS = ['-2+3', "+1+cmd|' /C calc'!A0", '-3+HYPERLINK("http://x","y")', '=1+1', '@SUM(A1)', '\t=1', '\r=1', '+A1', '-A1', '- 5', '-$5', '-1e3x'];
const NUMBERS = ['-120', '-0.50', '+5', '-1e3', '+.5', '-7.'];

describe('CSV output: only a plain number may start with = + - @ TAB CR; everything else that does gets the apostrophe', () => {
  it('guards formula-like text in data rows and in headers, also when it starts with - or + and a digit', async () => {
    const header = ['Account', 'Revenue', ...ATTACKS.map((_, k) => (k === 0 ? '-2+3 header' : `Note ${k}`))];
    const rows = ATTACKS.map((attack, k) => [attack, String(k + 1), ...ATTACKS.map((a, j) => (j === k ? a : 'x'))]);
    const text = `${[header, ...rows].map((r) => r.map((f) => quoted(f, ',')).join(',')).join('\n')}\n`;
    file('attacks.csv', text);
    const r = await cli('score', 'attacks.csv', '--format', 'csv');
    expect(r.code).toBe(0);
    const out = records(r.out);
    expect(out[0][2]).toBe("'-2+3 header");
    ATTACKS.forEach((attack, k) => {
      expect(out[k + 1][0]).toBe(`'${attack}`);
      expect(out[k + 1][2 + k]).toBe(`'${attack}`);
    });
    for (const row of out) for (const field of row) expect(runnable(field)).toBe(false);
  });

  it('writes a plain number as the file had it (-120, -0.50, +5, -1e3), unquoted', async () => {
    const text = `Account,Revenue,Notes\n${NUMBERS.map((n, k) => `A${k},${n},${n}`).join('\n')}\n`;
    file('numbers.csv', text);
    const r = await cli('score', 'numbers.csv', '--format', 'csv');
    const lines = r.out.trimEnd().split('\n');
    NUMBERS.forEach((n, k) => expect(lines[k + 1].startsWith(`A${k},${n},${n},`)).toBe(true));
  });

  it.each(SEPARATORS.map((s) => [JSON.stringify(s), s] as const))("a %s file is written back with its own separator's quoting", async (_name, sep) => {
    const fields = [`a${sep}b`, 'say "hi"', 'two\nlines', 'cr\rhere', `-2+3${sep}x`, 'plain'];
    const text = `${['Account', 'Revenue', 'Notes'].join(sep)}\n${fields.map((f, k) => [quoted(f, sep), String(k + 1), quoted(f, sep)].join(sep)).join('\n')}\n`;
    file('sep.csv', text);
    const r = await cli('score', 'sep.csv', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(['Account', 'Revenue', 'Notes', ...OUTPUT_HEADERS].join(sep));
    const out = records(r.out);
    expect(out.slice(1).map((row) => [row[0], row[2]])).toEqual(fields.map((f) => (runnable(f) ? [`'${f}`, `'${f}`] : [f, f])));
  });

  const fieldText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', "'", '1', '.', 'e', ' ', 'x'), maxLength: 10 }),
    fc.constantFrom(...ATTACKS, ...NUMBERS),
  );

  it('any field, written by csvField and read back by our reader, is the same text (after the guard apostrophe), for each separator', () => {
    fc.assert(
      fc.property(fc.array(fieldText, { minLength: 1, maxLength: 6 }), fc.constantFrom(...SEPARATORS), (fields, sep) => {
        // The header names the separator (at least two columns); the row starts with a fixed field.
        const header = ['id', ...fields.map((_, k) => `h${k}`)];
        const text = `${header.join(sep)}\n${['1', ...fields].map((f) => csvField(f, sep)).join(sep)}\n`;
        const got: string[][] = [];
        const parser = new CsvParser((f) => got.push(f));
        parser.push(text);
        parser.end();
        const back = got[1].slice(1);
        expect(back).toEqual(fields.map((f) => (runnable(f) ? `'${f}` : f)));
        for (const f of back) expect(runnable(f)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('any account name and note, through abm-tier score --format csv, comes back as it went in (after the guard), never runnable', async () => {
    const accounts = fc.array(fc.tuple(fieldText, fieldText), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(accounts, fc.constantFrom(...SEPARATORS), async (rows, sep) => {
        const body = rows.map(([account, note], k) => [quoted(account, sep), String(k + 1), quoted(note, sep)].join(sep));
        file('fuzz.csv', `${['Account', 'Revenue', 'Notes'].join(sep)}\n${body.join('\n')}\n`);
        const r = await cli('score', 'fuzz.csv', '--format', 'csv', '--out', 'fuzz-out.csv');
        expect(r.code).toBe(0);
        const out = records(readFileSync(join(dir, 'fuzz-out.csv'), 'utf8'));
        const expected = rows.map(([account, note]) => [account, note].map((f) => (runnable(f) ? `'${f}` : f)));
        expect(out.slice(1).map((row) => [row[0], row[2]])).toEqual(expected);
        for (const row of out) for (const f of row) expect(runnable(f)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ragged rows: every output column stays under its header', () => {
  const RAGGED = 'Account,Revenue,Profit,Notes\nA,100,10,x\nB,200,20\nC,300,30,y,extra,more\nD,400,40,z\nE,500,50,w,\n';

  it("pads a short row, keeps a long row's extra fields under blank header cells before our columns, and names the rows", async () => {
    file('ragged.csv', RAGGED);
    const r = await cli('score', 'ragged.csv', '--format', 'csv');
    expect(r.code).toBe(0);
    const out = records(r.out);
    expect(out[0]).toEqual(['Account', 'Revenue', 'Profit', 'Notes', '', '', ...OUTPUT_HEADERS]);
    const score = out[0].indexOf('Score');
    const tier = out[0].indexOf('Tier');
    for (const row of out.slice(1)) {
      expect(row).toHaveLength(out[0].length);
      expect(Number.isFinite(Number(row[score]))).toBe(true);
      expect(row[tier]).toMatch(/^Tier [123]$/u);
    }
    expect(out[2].slice(0, 6)).toEqual(['B', '200', '20', '', '', '']);
    expect(out[3].slice(0, 6)).toEqual(['C', '300', '30', 'y', 'extra', 'more']);
    expect(r.err).toBe(
      [
        'abm-tier: warning: Row 3 has 3 fields, the header 4: the missing fields are read as empty.',
        'abm-tier: warning: Row 4 has 6 fields, the header 4: the extra fields are not read (a CSV written back keeps them, under blank header cells before the ABM Tier columns).',
        '',
      ].join('\n'),
    );
  });

  it('warns in the JSON output too, and counts the rows past the first ten', async () => {
    const many = `Account,Revenue,Notes\n${Array.from({ length: 25 }, (_, k) => `A${k},${k}`).join('\n')}\n`;
    file('short.csv', many);
    const warnings = JSON.parse((await cli('score', 'short.csv')).out).warnings as string[];
    expect(warnings.filter((w) => / has 2 fields, the header 3/u.test(w))).toHaveLength(10);
    expect(warnings).toContain('…and 15 more rows whose fields do not match the header.');
  });

  it('a trailing empty header cell, or a trailing separator, is aligned without a warning', async () => {
    file('trailing.csv', 'Account,Revenue,\nA,1\nB,2,,\n');
    const r = await cli('score', 'trailing.csv', '--format', 'csv');
    expect(r.err).toBe('');
    const out = records(r.out);
    expect(out.map((row) => row.length)).toEqual([9, 9, 9]);
    expect(out.map((row) => row[4])).toEqual(['Score', '0', '100']);
  });
});
