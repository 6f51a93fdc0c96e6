import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { analyseRows, column, parseSettings, whalePeak, type Analysis, type Cell } from '../../src/core';
import { kpisRequest, scoredRows, SHARE_FROM, type SideReply } from '../../src/cli/side-results';
import { sampleCsv } from '../../src/sample/accounts';
import { run } from '../../src/cli/main';
import { byteSink } from '../../src/cli/output';
import { ROWS_WORKER_ARG } from '../../src/cli/parallel-rows';
import { BLOCK_ROWS, rowBlock, rowsContext, RowsWriter, type RowTexts } from '../../src/cli/row-blocks';
import { cliInFolder, records } from './helpers';

// score writes a large file's rows on two cores (parallel-rows.ts): a worker thread writes every
// other block. ABM_TIER_PARALLEL_FROM=0 starts the worker for any file, a huge value never: the two
// must give the same bytes, on a table with everything that makes a row's text its own.
const { dir, file } = cliInFolder('abm-cli-parallel-');
const cliPath = join(__dirname, '..', '..', 'dist-cli', 'abm-tier.js');

/**
 * A CRM-shaped table of about five blocks: quoted names with separators and quotes, names in four
 * scripts, formula-like names, blank lines, cells that are not numbers, rows with no metric, short
 * and long rows, losing accounts the cap moves, repeated names, pins, CRLF line ends and a total.
 */
function messyCsv(rows: number, sep: string, pinColumn = 'Tier pin'): string {
  const lines = [['Account', 'Revenue', 'Profit', 'Engagement', 'Region', pinColumn].join(sep)];
  const names = ['"Acme, Inc."', '"Say ""hi"""', 'École Süd', '客户甲', 'บริษัท 𝔸', '=HYPERLINK("x")', '-minus', 'Plain'];
  for (let i = 0; i < rows; i++) {
    const name = `${names[i % names.length]}${i % 97 === 0 ? '' : ` ${i}`}`.replace(/^"(.*)"( \d+)$/u, '"$1$2"');
    const revenue = i % 211 === 5 ? 'n/a' : String((i * 7919) % 10_007);
    const profit = String(((i * 104_729) % 503) - 60);
    const engagement = i % 173 === 3 ? '' : String(i % 101);
    const pin = i % 1009 === 7 ? 'Tier 1' : i % 1013 === 9 ? 'exclude' : '';
    let line = [name, revenue, profit, engagement, `R${i % 5}`, pin].join(sep);
    if (i % 389 === 11) line = [name, '', '', ''].join(sep); // no metric
    if (i % 401 === 13) line = `${line}${sep}extra`; // a long row
    if (i % 409 === 17) line = [name, revenue].join(sep); // a short row
    lines.push(i % 331 === 1 ? `${line}\r` : line);
    if (i % 283 === 2) lines.push(''); // a blank line
  }
  lines.push(['Total', '1', '1', '1', '', ''].join(sep));
  return `\uFEFF${lines.join('\n')}\n`;
}

/**
 * A worker script speaking the protocol of parallel-rows.ts: `answer` replies to block message `m` on `port`,
 * `side` to a side request (side-results.ts), by default with an error.
 */
function fakeWorker(name: string, answer: string, side = `port.postMessage({ side: m.side, error: 'no' });`): string {
  return file(
    name,
    `const { workerData } = require('node:worker_threads');
     const { port, signal } = workerData;
     port.on('message', (m) => {
       if (m.done) return port.close();
       if ('side' in m) {
         ${side}
         Atomics.add(signal, 0, 1);
         Atomics.notify(signal, 0);
         return;
       }
       if (!('block' in m)) return;
       ${answer}
       Atomics.add(signal, 0, 1);
       Atomics.notify(signal, 0);
     });`,
  );
}

function score(parallel: boolean, args: string[]) {
  const env = { ...process.env, ABM_TIER_PARALLEL_FROM: parallel ? '0' : '1e15' };
  const r = spawnSync(process.execPath, [cliPath, 'score', ...args], { cwd: dir, env, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

describe('score on two cores', () => {
  const rows = 5 * BLOCK_ROWS + 123;
  file('messy.csv', messyCsv(rows, ','));
  // A column that is not a pin column: no pins, so the worker computes the KPIs and the whale curve's peak too.
  file('unpinned.csv', messyCsv(rows, ',', 'Notes'));
  file('messy-semicolon.csv', messyCsv(rows, ';'));
  // Past SHARE_FROM rows the worker also ranks metrics, finds drivers and the segments (side-results.ts).
  file('large.csv', messyCsv(SHARE_FROM + 3 * BLOCK_ROWS, ',', 'Notes'));
  file('large-pinned.csv', messyCsv(SHARE_FROM + 3 * BLOCK_ROWS, ','));

  it.each([
    ['JSON', ['messy.csv', '--format', 'json', '--pins', 'Tier pin']],
    ['CSV', ['messy.csv', '--format', 'csv', '--pins', 'Tier pin']],
    ['CSV with ; and the optional columns', ['messy-semicolon.csv', '--format', 'csv', '--next', '--grid', '--lookalikes']],
    ['JSON in Thai with the optional columns', ['messy.csv', '--format', 'json', '--lang', 'th', '--next', '--grid', '--lookalikes']],
    ['JSON without pins (KPIs and whale curve from the worker)', ['unpinned.csv', '--format', 'json', '--as-of', '2026-06-30']],
    ['JSON of a table the worker ranks too', ['large.csv', '--format', 'json', '--as-of', '2026-06-30']],
    ['CSV of a table the worker ranks too', ['large.csv', '--format', 'csv', '--next']],
    ['JSON of a table with pins the worker ranks too', ['large-pinned.csv', '--format', 'json', '--pins', 'Tier pin']],
  ])('writes the same bytes as on one core: %s', (_, args) => {
    const one = score(false, args);
    const two = score(true, args);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(rows * 20);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(one.stderr);
  });

  it('writes the same file with --out, and with --out naming the input (the records are then held whole, on one core)', () => {
    const args = ['messy.csv', '--format', 'csv', '--out', 'two.csv'];
    expect(score(true, args).status).toBe(0);
    expect(score(false, ['messy.csv', '--format', 'csv', '--out', 'one.csv']).status).toBe(0);
    const one = readFileSync(join(dir, 'one.csv'));
    expect(readFileSync(join(dir, 'two.csv')).equals(one)).toBe(true);
    file('replaced.csv', readFileSync(join(dir, 'messy.csv')));
    expect(score(true, ['replaced.csv', '--format', 'csv', '--out', 'replaced.csv']).status).toBe(0);
    expect(readFileSync(join(dir, 'replaced.csv')).equals(one)).toBe(true);
  });

  it('puts the worker’s bytes out in the order of its blocks, between the main thread’s (a worker that answers block k with "<k:rows>")', async () => {
    // The worker's answer stands for the block's written rows (blank ones are not written).
    const script = fakeWorker(
      'marking-worker.js',
      `const rows = m.block.tier.filter((t) => t !== -2).length;
       const bytes = new TextEncoder().encode('<' + m.index + ':' + rows + '>\\n');
       port.postMessage({ index: m.index, chunks: [bytes] }, [bytes.buffer]);`,
    );
    file('long.csv', messyCsv(14 * BLOCK_ROWS, ','));
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: () => {}, cwd: dir, rowsWorker: { script, from: 0 } };
    expect(await run(['score', 'long.csv', '--format', 'csv'], io)).toBe(0);
    const one: string[] = [];
    expect(await run(['score', 'long.csv', '--format', 'csv'], { ...io, stdout: (t: string) => one.push(t), rowsWorker: undefined })).toBe(0);
    const alone = one.join('').split('\n');
    const lines = out.join('').split('\n');
    // Walking both: a mark skips its rows in the output of one core; every other line is the same line.
    const marks: number[] = [];
    let at = 0;
    for (const line of lines) {
      const mark = /^<(\d+):(\d+)>$/u.exec(line);
      if (mark) {
        marks.push(Number(mark[1]));
        at += Number(mark[2]);
      } else expect(line).toBe(alone[at++]);
    }
    expect(at).toBe(alone.length);
    // The first blocks are the worker's (written while this thread makes the warnings), then every other one.
    expect(marks.slice(0, 3)).toEqual([0, 1, 2]);
    expect(marks).toEqual([...marks].sort((x, y) => x - y));
    expect(marks.length).toBeGreaterThan(6);
    expect(marks.length).toBeLessThan(14);
  });

  it('the bundle’s own worker writes a block as the main thread does', async () => {
    const rowsOf: Cell[][] = records(readFileSync(join(dir, 'messy.csv'), 'utf8').replace(/^\uFEFF/u, ''));
    const analysis = analyseRows(rowsOf[0], rowsOf.slice(1, 3000), parseSettings({ asOf: '2026-06-30', lang: 'zh-CN' }));
    const texts: RowTexts = { tail: (i) => `,"tail":${i}}`, extra: null };
    const context = rowsContext(
      analysis,
      'json',
      'zh-CN',
      ',',
      [[new Uint8Array([44])], [new Uint8Array([44])], [new Uint8Array([44])]].map((m) => [m[0], m[0], m[0], m[0]]),
    );
    const block = rowBlock(analysis, 100, 2900, false, texts, { lines: null });
    const here: Buffer[] = [];
    const sink = byteSink((b) => here.push(Buffer.from(b)));
    new RowsWriter(context).write(sink, rowBlock(analysis, 100, 2900, false, texts));
    sink.close();
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(cliPath, { argv: [ROWS_WORKER_ARG], workerData: { abmTierRows: true, port: port2, signal }, transferList: [port2] });
    try {
      const reply = new Promise<{ index: number; chunks: Uint8Array[] }>((resolve) => port1.once('message', resolve));
      port1.postMessage({ context });
      port1.postMessage({ index: 7, block, spare: [] });
      const { index, chunks } = await reply;
      expect(index).toBe(7);
      // The worker counts the block after it has sent it.
      Atomics.wait(signal, 0, 0, 5000);
      expect(Atomics.load(signal, 0)).toBe(1);
      expect(Buffer.concat(chunks.map((c) => Buffer.from(c))).equals(Buffer.concat(here))).toBe(true);
    } finally {
      port1.close();
      await worker.terminate();
    }
  });

  it('puts the worker’s KPIs and whale curve peak in the JSON (a worker that answers with marked figures)', async () => {
    const script = fakeWorker(
      'marked-sides-worker.js',
      `const bytes = new TextEncoder().encode('');
       port.postMessage({ index: m.index, chunks: [bytes] }, [bytes.buffer]);`,
      // It refuses the rest (ranks, drivers, segments): this thread does them.
      `port.postMessage(m.side === 'kpis'
         ? { side: 'kpis', value: { accounts: 424242, activeAccounts: null, newAccounts: null, revenuePerLead: null, spendPerPurchase: 7, averageLifetime: null, averageLtv: null } }
         : m.side === 'whale' ? { side: 'whale', value: { peak: 1.25, peakAt: 1, n: 4 } } : { side: m.side, error: 'no' });`,
    );
    const out: string[] = [];
    expect(
      await run(['score', 'unpinned.csv', '--format', 'json'], { stdout: (t) => out.push(t), stderr: () => {}, cwd: dir, rowsWorker: { script, from: 0 } }),
    ).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.kpis).toEqual({
      accounts: 424242,
      activeAccounts: null,
      newAccounts: null,
      revenuePerLead: null,
      spendPerPurchase: 7,
      averageLifetime: null,
      averageLtv: null,
    });
    expect(json.whale).toEqual({ peak: 1.25, peakAccounts: 0.25 });
    // With pins the worker is not asked (they can take rows out of both): the figures are this thread's own.
    const pinned: string[] = [];
    expect(
      await run(['score', 'messy.csv', '--format', 'json', '--pins', 'Tier pin'], {
        stdout: (t) => pinned.push(t),
        stderr: () => {},
        cwd: dir,
        rowsWorker: { script, from: 0 },
      }),
    ).toBe(0);
    const own = JSON.parse(pinned.join(''));
    expect(own.kpis.accounts).toBeGreaterThan(4 * BLOCK_ROWS);
    expect(own.whale.peak).toBeLessThan(1.25);
  });

  it('computes the KPIs and the whale curve itself when the worker answers them with an error', async () => {
    const script = fakeWorker('side-refusing-worker.js', `port.postMessage({ index: m.index, error: 'refused' });`);
    const io = (out: string[]) => ({ stdout: (t: string) => out.push(t), stderr: () => {}, cwd: dir });
    const alone: string[] = [];
    const helped: string[] = [];
    expect(await run(['score', 'unpinned.csv', '--format', 'json'], io(alone))).toBe(0);
    expect(await run(['score', 'unpinned.csv', '--format', 'json'], { ...io(helped), rowsWorker: { script, from: 0 } })).toBe(0);
    expect(helped.join('')).toBe(alone.join(''));
    expect(JSON.parse(alone.join('')).kpis.accounts).toBeGreaterThan(4 * BLOCK_ROWS);
  });

  it('the bundle’s own worker computes the KPIs and the whale curve’s peak as the analysis does', async () => {
    const rowsOf: Cell[][] = records(sampleCsv(2000, 11));
    const analysis: Analysis = analyseRows(rowsOf[0], rowsOf.slice(1), parseSettings({ asOf: '2026-06-30', discountRate: 0.1, activeDays: 120 }));
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(cliPath, { argv: [ROWS_WORKER_ARG], workerData: { abmTierRows: true, port: port2, signal }, transferList: [port2] });
    try {
      const replies: SideReply[] = [];
      const both = new Promise<void>((resolve) =>
        port1.on('message', (m: SideReply) => {
          if (replies.push(m) === 2) resolve();
        }),
      );
      const profit = column(analysis.table, 'profit')!;
      const include = scoredRows(analysis.score);
      port1.postMessage(kpisRequest(analysis.table, analysis.settings));
      port1.postMessage({ side: 'whale', profit, include });
      await both;
      const kpis = { ...analysis.kpis };
      expect(kpis.averageLtv).not.toBeNull();
      expect(kpis.activeAccounts).not.toBeNull();
      expect(replies[0]).toEqual({ side: 'kpis', value: kpis });
      expect(replies[1]).toEqual({ side: 'whale', value: whalePeak(profit, include) });
      expect(analysis.whale?.peak).toBe((replies[1] as { value: { peak: number } }).value.peak);
    } finally {
      port1.close();
      await worker.terminate();
    }
  });

  it('writes every row itself when no worker can be started (a script path the Worker refuses)', async () => {
    const out: string[] = [];
    const alone: string[] = [];
    const io = (to: string[]) => ({ stdout: (t: string) => to.push(t), stderr: () => {}, cwd: dir });
    expect(await run(['score', 'messy.csv', '--format', 'csv'], { ...io(out), rowsWorker: { script: 'not/absolute.js', from: 0 } })).toBe(0);
    expect(await run(['score', 'messy.csv', '--format', 'csv'], io(alone))).toBe(0);
    expect(out.join('')).toBe(alone.join(''));
  });

  it('writes a block itself when the worker cannot (a worker that answers every block with an error)', async () => {
    const script = fakeWorker('refusing-worker.js', `port.postMessage({ index: m.index, error: 'refused' });`);
    const io = (out: string[]) => ({ stdout: (t: string) => out.push(t), stderr: () => {}, cwd: dir });
    const alone: string[] = [];
    const helped: string[] = [];
    expect(await run(['score', 'messy.csv', '--format', 'json'], io(alone))).toBe(0);
    expect(await run(['score', 'messy.csv', '--format', 'json'], { ...io(helped), rowsWorker: { script, from: 0 } })).toBe(0);
    expect(helped.join('')).toBe(alone.join(''));
  });
});
