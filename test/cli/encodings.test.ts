import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSheet } from '../../src/sheet/score-sheet';
import { FakeSpreadsheet } from '../fakes/workbook';
import { cliInFolder, csvOf } from './helpers';

const { dir, file, cli } = cliInFolder('abm-encodings-');

const TEXT = 'Account,Revenue,Profit\r\nÉcole Süd,100,30\r\n客户甲,200,10\r\nԱրարատ,300,50\r\n';

function utf16(text: string, littleEndian: boolean): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (littleEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

describe('encodings: UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM; anything else is refused, never replaced', () => {
  it('reads UTF-16 LE and BE files with a BOM exactly as the UTF-8 file', async () => {
    const utf8 = await cli('score', file('utf8.csv', TEXT));
    const le = await cli('score', file('le.csv', utf16(TEXT, true)));
    const be = await cli('score', file('be.csv', utf16(TEXT, false)));
    expect(JSON.parse(utf8.out).rows.map((r: { account: string }) => r.account)).toEqual(['École Süd', '客户甲', 'Արարատ']);
    expect(le.out).toBe(utf8.out);
    expect(be.out).toBe(utf8.out);
  });

  it('refuses invalid UTF-8 with its line number (a Latin-1 export, a byte deep in the file)', async () => {
    file('latin1.csv', Buffer.concat([Buffer.from('Account,Revenue\nA,1\nCaf'), Buffer.from([0xe9]), Buffer.from(',2\n')]));
    expect(await cli('score', 'latin1.csv')).toEqual({
      code: 1,
      out: '',
      err: 'abm-tier: latin1.csv: line 3: the file is not UTF-8 text (byte 0xE9); save it as UTF-8 (in Excel: CSV UTF-8) and try again\n',
    });
    // Past the first chunk read (1 MiB), after CRLF line ends and a quoted line break.
    const lines = ['Account,Revenue,Notes', '"A\r\nB",1,x', ...Array.from({ length: 60_000 }, (_, k) => `N${k},${k},${'y'.repeat(15)}`)];
    const bad = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\nZ,1,`), Buffer.from([0xc3, 0x28]), Buffer.from('\r\n')]);
    expect(bad.length).toBeGreaterThan(1 << 20);
    file('deep.csv', bad);
    expect((await cli('score', 'deep.csv')).err).toBe(
      `abm-tier: deep.csv: line ${lines.length + 2}: the file is not UTF-8 text (byte 0xC3); save it as UTF-8 (in Excel: CSV UTF-8) and try again\n`,
    );
    // A sequence cut off at the end of the file.
    file('cut.csv', Buffer.concat([Buffer.from('Account,Revenue\nA,1\nB,'), Buffer.from([0xe2, 0x82])]));
    expect((await cli('score', 'cut.csv')).err).toMatch(/^abm-tier: cut\.csv: line 3: the file is not UTF-8 text \(byte 0xE2\)/u);
  });

  it('refuses UTF-16 with a lone surrogate, naming the line', async () => {
    const good = utf16('Account,Revenue\nA,1\nB,2\n', true);
    const broken = Buffer.concat([good.subarray(0, good.length - 2), Buffer.from([0x00, 0xd8, 0x0a, 0x00])]);
    file('lone.csv', broken);
    expect((await cli('score', 'lone.csv')).err).toMatch(/^abm-tier: lone\.csv: line 3: the file is not valid UTF-16 LE text/u);
  });

  it('a CSV written back keeps the BOM the input had, and adds none otherwise', async () => {
    file('bom.csv', `\uFEFF${TEXT}`);
    await cli('score', 'bom.csv', '--out', 'bom-out.csv');
    const withBom = readFileSync(join(dir, 'bom-out.csv'));
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.toString('utf8').slice(1).startsWith('Account,Revenue,Profit,Score')).toBe(true);
    await cli('score', file('le.csv', utf16(TEXT, true)), '--out', 'le-out.csv');
    expect([...readFileSync(join(dir, 'le-out.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    file('plain.csv', TEXT);
    await cli('score', 'plain.csv', '--out', 'plain-out.csv');
    expect(readFileSync(join(dir, 'plain-out.csv'), 'utf8').startsWith('Account,')).toBe(true);
  });
});

describe('duplicates warn in the CLI as in the sheet', () => {
  const GRID = [
    ['Account', 'Revenue', 'Profit'],
    ['Acme', 100, 30],
    ['Birch', 200, 10],
    ['Acme', 300, 50],
    ['Dune', 400, 5],
  ];

  it("a duplicate account name: the sheet's own message, in the JSON warnings and on stderr", async () => {
    const book = new FakeSpreadsheet({ Accounts: GRID.map((r) => [...r]) });
    const sheetWarning = scoreSheet(book.session().services).warnings.find((w) => w.includes('Acme'));
    expect(sheetWarning).toBe('Account "Acme" appears on rows 2, 4: tier movement uses the first.');
    file('dupes.csv', csvOf(GRID));
    expect(JSON.parse((await cli('score', 'dupes.csv')).out).warnings).toContain(sheetWarning);
    expect((await cli('score', 'dupes.csv', '--format', 'csv')).err).toContain(`abm-tier: warning: ${sheetWarning}\n`);
    // In the --lang language, from the same catalogue.
    expect(JSON.parse((await cli('score', 'dupes.csv', '--lang', 'th')).out).warnings).toContain('บัญชี "Acme" อยู่ในแถว 2, 4: การเปลี่ยนระดับใช้แถวแรก');
  });

  it('a duplicate header: says which column is read', async () => {
    file('dup-header.csv', 'Account,Revenue,Revenue,Notes,notes\nA,1,9,x,y\nB,2,8,z,w\n');
    const warnings = JSON.parse((await cli('score', 'dup-header.csv')).out).warnings as string[];
    expect(warnings).toContain('Columns 2, 3 have the same header "Revenue": only column 2 is read; rename the others if they should count.');
    expect(warnings).toContain('Columns 4, 5 have the same header "Notes": rename them so that messages and drivers tell them apart.');
  });
});
