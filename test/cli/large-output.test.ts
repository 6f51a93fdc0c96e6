import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInFolder } from './helpers';

// The CLI reads in 1 MiB chunks (ASCII ones as one-byte text, the rest through the decoder) and
// writes through one reused 1 MiB buffer: these files cross those boundaries.
const { dir, file, cli } = cliInFolder('abm-cli-large-');
const cliPath = join(__dirname, '..', '..', 'dist-cli', 'abm-tier.js');
const MiB = 1 << 20;

/** Rows with names in four scripts, so the output holds 1-, 2-, 3- and 4-byte UTF-8 characters. */
function accountsCsv(rows: number): string {
  const names = ['École Süd', '客户甲', 'Արարատ', 'บริษัท 𝔸', 'Plain Co'];
  const lines = ['Account,Revenue,Profit,Engagement'];
  for (let i = 0; i < rows; i++) lines.push(`${names[i % names.length]} ${i},${(i * 7919) % 10_007},${((i * 104_729) % 503) - 50},${i % 97}`);
  return `${lines.join('\n')}\n`;
}

/** The account names the JSON output lists, in order. */
const accountsOf = (json: string): string[] => JSON.parse(json).rows.map((r: { account: string }) => r.account);

describe('abm-tier output through its reused buffer', () => {
  it('writes to stdout (a pipe or a file) exactly the bytes it writes with --out, and the text it gives in process, JSON and CSV', async () => {
    file('many.csv', accountsCsv(12_000));
    for (const format of ['json', 'csv']) {
      const piped = spawnSync(process.execPath, [cliPath, 'score', 'many.csv', '--format', format], { cwd: dir, maxBuffer: 1 << 28 });
      expect(piped.status).toBe(0);
      expect(piped.stdout.length).toBeGreaterThan(MiB); // more than one flush of the buffer
      const toFile = spawnSync(process.execPath, [cliPath, 'score', 'many.csv', '--format', format, '--out', `many-out.${format}`], { cwd: dir });
      expect(toFile.status).toBe(0);
      expect(piped.stdout.equals(readFileSync(join(dir, `many-out.${format}`)))).toBe(true);
      // stdout redirected to a file (`> out.json`) is written to directly.
      const fd = openSync(join(dir, `redirected.${format}`), 'w');
      const redirected = spawnSync(process.execPath, [cliPath, 'score', 'many.csv', '--format', format], { cwd: dir, stdio: ['ignore', fd, 'pipe'] });
      closeSync(fd);
      expect(redirected.status).toBe(0);
      expect(readFileSync(join(dir, `redirected.${format}`)).equals(piped.stdout)).toBe(true);
      const inProcess = await cli('score', 'many.csv', '--format', format);
      expect(piped.stdout.equals(Buffer.from(inProcess.out, 'utf8'))).toBe(true);
    }
    const rows = accountsOf((await cli('score', 'many.csv')).out);
    expect(rows).toHaveLength(12_000);
    expect(rows[11_998]).toBe('บริษัท 𝔸 11998');
  });
});

describe('CSV reading in chunks: ASCII chunks without the decoder, the others through it', () => {
  /** An ASCII file of `Account,Revenue` rows filled up to `bytes`, and its account names (long ones: fewer rows to score). */
  function asciiUpTo(bytes: number): { text: string; names: string[] } {
    const names: string[] = [];
    let text = 'Account,Revenue\n';
    while (text.length < bytes - 200) {
      const name = `A${names.length}-${'p'.repeat(100)}`;
      names.push(name);
      text += `${name},${names.length % 1000}\n`;
    }
    return { text, names };
  }

  it('reads a character cut by a chunk boundary, non-ASCII text after ASCII chunks, and a U+FEFF inside a later chunk', async () => {
    const { text, names } = asciiUpTo(MiB);
    // Pad so that 中 (3 bytes) starts 1 byte before the first chunk's end.
    const pad = 'x'.repeat(MiB - 1 - text.length);
    const cut = `${pad}中文`;
    let rest = `${cut},1\n`;
    let used = text.length + Buffer.byteLength(rest);
    const later: string[] = [cut];
    for (let k = 0; used < 2 * MiB - 60; k++) {
      const name = `Row${k}-${'q'.repeat(100)}`;
      later.push(name);
      rest += `${name},${k}\n`;
      used += name.length + String(k).length + 2;
    }
    // The second chunk ends on ASCII; the third starts with U+FEFF (EF BB BF) in the middle of a name.
    const before = 'y'.repeat(2 * MiB - used);
    const bomName = `${before}\uFEFFZ`;
    later.push(bomName, 'École');
    rest += `${bomName},5\nÉcole,6\n`;
    const bytes = Buffer.from(text + rest, 'utf8');
    expect(bytes.subarray(MiB - 1, MiB + 2).toString('utf8')).toBe('中');
    expect([...bytes.subarray(2 * MiB, 2 * MiB + 3)]).toEqual([0xef, 0xbb, 0xbf]);
    file('chunks.csv', bytes);
    const { code, out } = await cli('score', 'chunks.csv');
    expect(code).toBe(0);
    expect(accountsOf(out)).toEqual([...names, ...later]);
  });

  it('keeps a BOM at the start out of the first account, and reads ASCII chunks after it', async () => {
    const { text, names } = asciiUpTo(2 * MiB + 100);
    file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const { code, out } = await cli('score', 'bom.csv');
    expect(code).toBe(0);
    expect(accountsOf(out)).toEqual(names);
  });

  it('refuses a character cut off at the end of a file whose first chunks are ASCII, naming its line', async () => {
    const { text, names } = asciiUpTo(MiB + 100);
    file('cut-late.csv', Buffer.concat([Buffer.from(`${text}Last,`), Buffer.from([0xe2, 0x82])]));
    expect((await cli('score', 'cut-late.csv')).err).toBe(
      `abm-tier: cut-late.csv: line ${names.length + 2}: the file is not UTF-8 text (byte 0xE2); save it as UTF-8 (in Excel: CSV UTF-8) and try again\n`,
    );
  });
});

describe('CSV records written back as they were read', () => {
  it('copies records short and long (either side of the 512-byte copy loop), byte for byte, before the new columns', async () => {
    const lines = ['Account,Note,Revenue,Profit'];
    for (let i = 0; i < 300; i++) {
      const note = `${'n'.repeat((i * 37) % 1500)}é`;
      lines.push(`Co ${i},"${note}",${1000 + ((i * 7919) % 9000)},${((i * 104_729) % 900) - 100}`);
    }
    file('long-records.csv', `${lines.join('\n')}\n`);
    const { code, out } = await cli('score', 'long-records.csv', '--format', 'csv');
    expect(code).toBe(0);
    const written = out.split('\n').slice(1, -1);
    expect(written).toHaveLength(300);
    written.forEach((line, i) => expect(line.startsWith(`${lines[i + 1]},`)).toBe(true));
    expect(lines.some((l) => Buffer.byteLength(l) > 1024) && lines.some((l) => Buffer.byteLength(l) < 100)).toBe(true);
  });
});
