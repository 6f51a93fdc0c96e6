import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser, plainNumber } from '../../src/cli/csv';
import { analyseGrid, parseSettings } from '../../src/core';
import { sampleCsv, SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import { cliInFolder, records, runnable } from './helpers';

const { dir, file, cli } = cliInFolder('abm-cli-');

const SMALL = 'Account,Revenue,Profit,Engagement\nAcme,100,30,90\nBirch,200,10,50\nCobalt,300,50,10\nDune,400,-5,70\n';

describe('abm-tier score', () => {
  it('prints JSON rows, tiers, segments, capacity, KPIs and warnings matching the engine', async () => {
    const { code, out } = await cli('score', file('small.csv', SMALL));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const engine = analyseGrid(
      [
        ['Account', 'Revenue', 'Profit', 'Engagement'],
        ['Acme', 100, 30, 90],
        ['Birch', 200, 10, 50],
        ['Cobalt', 300, 50, 10],
        ['Dune', 400, -5, 70],
      ],
      parseSettings({}),
    );
    expect(json.rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5]);
    expect(json.rows[0]).toMatchObject({ account: 'Acme', tier: `Tier ${engine.tier[0] + 1}`, program: expect.stringMatching(/ABM/) });
    json.rows.forEach((r: { score: number }, i: number) => expect(r.score).toBeCloseTo(engine.score[i], 12));
    expect(json.rows[3].tier).toBe('Tier 3');
    expect(json.tiers.map((t: { label: string }) => t.label)).toEqual(['Tier 1', 'Tier 2', 'Tier 3', 'Total']);
    expect(json.segments[0]).toEqual(expect.objectContaining({ label: 'Money Maker', accounts: 1, revenue: 400, profit: -5 }));
    expect(json.capacity[0]).toEqual({
      program: 'Strategic ABM (1:1)',
      tier: 'Tier 1',
      accounts: engine.capacity.accounts[0],
      marketers: engine.capacity.marketers[0],
    });
    expect(Array.isArray(json.warnings)).toBe(true);
    expect(json.kpis.accounts).toBe(4);
  });

  it('reads quoted fields with commas and newlines, a BOM, CRLF and ; separators alike', async () => {
    const a = await cli('score', file('plain.csv', 'Account,Revenue,Profit\n"Acme, Inc.",100,30\n"Birch\nLtd",200,10\n'));
    const b = await cli('score', file('excel.csv', '\uFEFFAccount;Revenue;Profit\r\n"Acme, Inc.";100;30\r\n"Birch\r\nLtd";200;10\r\n'));
    const ja = JSON.parse(a.out);
    const jb = JSON.parse(b.out);
    expect(ja.rows.map((r: { account: string }) => r.account)).toEqual(['Acme, Inc.', 'Birch\nLtd']);
    expect(jb.rows.map((r: { account: string }) => r.account)).toEqual(['Acme, Inc.', 'Birch\r\nLtd']);
    expect(jb.rows.map((r: { score: number }) => r.score)).toEqual(ja.rows.map((r: { score: number }) => r.score));
  });

  it('maps "Recency (days)" to recency and reads date-valued recency against --as-of', async () => {
    const days = await cli('score', file('days.csv', 'Account,Recency (days),Revenue\nA,10,5\nB,40,5\nC,70,5\n'));
    const dates = await cli(
      'score',
      file('dates.csv', 'Account,Last order date,Revenue\nA,2026-06-20,5\nB,2026-05-21,5\nC,2026-04-21,5\n'),
      '--as-of',
      '2026-06-30',
    );
    expect(JSON.parse(dates.out).rows.map((r: { score: number }) => r.score)).toEqual(JSON.parse(days.out).rows.map((r: { score: number }) => r.score));
    expect(JSON.parse(days.out).rows[0].score).toBeGreaterThan(JSON.parse(days.out).rows[2].score);
  });

  it('gives an invalid row its message, scores the others, and leaves blank lines out with row numbers still matching lines', async () => {
    const { code, out } = await cli('score', file('bad.csv', 'Account,Revenue,Profit\nA,100,10\n\nB,12,5OO,3\nC,300,30\n'));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.rows.map((r: { row: number }) => r.row)).toEqual([2, 4, 5]);
    expect(json.rows[1]).toMatchObject({ row: 4, score: null, error: 'Row 4, column "Profit": "5OO" is not a number.' });
    expect(json.rows[2].score).toBe(100);
  });

  it('--no-cap keeps an unprofitable account in the tier its score earns', async () => {
    const csv = file('cap.csv', 'Account,Revenue,Profit\nA,1000,-1\nB,1,1\nC,2,2\nD,3,3\nE,4,4\n');
    const capped = JSON.parse((await cli('score', csv, '--method', 'threshold', '--thresholds', '40,20')).out);
    const free = JSON.parse((await cli('score', csv, '--method', 'threshold', '--thresholds', '40,20', '--no-cap')).out);
    expect(capped.rows[0].tier).toBe('Tier 3');
    expect(free.rows[0].tier).not.toBe('Tier 3');
  });

  it('writes CSV with the input columns plus Score, Tier, Segment, ABM program, Drivers, and guards against formulas', async () => {
    const input = file('inj.csv', 'Account,Revenue,Profit,=Evil\n=HYPERLINK("x"),100,-120,1\n@cmd,200.50,010,2\nPlain,300,30,3\n');
    const { code } = await cli('score', input, '--out', 'scored.csv');
    expect(code).toBe(0);
    const lines = readFileSync(join(dir, 'scored.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe("Account,Revenue,Profit,'=Evil,Score,Tier,Segment,ABM program,Drivers");
    expect(lines[1].startsWith(`"'=HYPERLINK(""x"")",100,-120,`)).toBe(true);
    // The numbers of a re-written line keep the file's own text.
    expect(lines[2].startsWith("'@cmd,200.50,010,")).toBe(true);
    // Every field read back, the Drivers column included (a split on commas would cut a quoted one apart).
    for (const row of records(readFileSync(join(dir, 'scored.csv'), 'utf8'))) for (const field of row) expect(runnable(field), field).toBe(false);
  });

  it('prints its help for --help, -h, help, or nothing at all, and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], [], ['score', '--help']]) {
      const r = await cli(...argv);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(/^abm-tier: ABM tier analysis/u);
      expect(r.out).toContain('--lang');
    }
  });

  it('asks for the file each command reads, with a fitting example', async () => {
    expect((await cli('score')).err).toBe('abm-tier: score needs a CSV file, e.g. abm-tier score accounts.csv\n');
    expect((await cli('accounts')).err).toBe('abm-tier: accounts needs a CSV file, e.g. abm-tier accounts orders.csv\n');
    expect((await cli('rfm')).code).toBe(2);
  });

  it('says in one line what is wrong: missing file, no metric column, bad cut-offs, unknown option', async () => {
    const missing = await cli('score', 'nope.csv');
    expect(missing).toEqual({ code: 1, out: '', err: 'abm-tier: nope.csv: no such file\n' });
    file('names.csv', 'Name,Notes\nA,x\n');
    const noMetric = await cli('score', 'names.csv');
    expect(noMetric.code).toBe(1);
    expect(noMetric.err).toMatch(/^abm-tier: names\.csv: no metric column found in the header \(Name, Notes\)/u);
    const cut = await cli('score', file('ok.csv', SMALL), '--cutoffs', '20,30,40');
    expect(cut).toEqual({ code: 2, out: '', err: 'abm-tier: Tier 1 %, Tier 2 % and Tier 3 % add up to 90, not 100.\n' });
    const flag = await cli('score', 'ok.csv', '--fast');
    expect(flag.err).toBe('abm-tier: unknown option --fast; see abm-tier --help.\n');
    file('quote.csv', 'Account,Revenue\n"Acme,100\n');
    const quote = await cli('score', 'quote.csv');
    expect(quote.err).toBe('abm-tier: quote.csv: line 2: a quoted field is not closed (a " is missing)\n');
    for (const r of [missing, noMetric, cut, flag, quote]) expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('abm-tier summary and the bundled command', () => {
  it('the sample fixture is the deterministic sample', () => {
    expect(readFileSync(join(__dirname, '..', 'fixtures', 'accounts-sample.csv'), 'utf8')).toBe(sampleCsv(250, 42));
  });

  it('prints a readable report naming the segment that earns the most profit', async () => {
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(250, 42)];
    const engine = analyseGrid(grid, parseSettings({}));
    const best = engine.bySegment.rows.reduce((a, b) => (b.profit > a.profit ? b : a));
    const { code, out } = await cli('summary', join(__dirname, '..', 'fixtures', 'accounts-sample.csv'));
    expect(code).toBe(0);
    expect(out).toContain('250 accounts scored');
    expect(out).toContain(`The segment that earns the most profit: ${best.label}`);
  });

  it('speaks --lang in the report, with its columns lined up for wide characters', async () => {
    const { code, out } = await cli('summary', join(__dirname, '..', 'fixtures', 'accounts-sample.csv'), '--lang', 'zh-CN');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/的 ABM Tier 摘要：已评分 250 个客户/u);
    const { displayWidth } = await import('../../src/cli/summary-text');
    const tierTable = out.split('\n\n')[1].split('\n');
    expect(tierTable[0].startsWith('层级')).toBe(true);
    expect(tierTable.at(-1)?.startsWith('合计')).toBe(true);
    // Every line of the table ends at the same terminal column.
    expect(new Set(tierTable.map(displayWidth)).size).toBe(1);
  });

  it('reads a dot-decimal export in full under a decimal-comma --lang', async () => {
    const { out } = await cli('summary', join(__dirname, '..', 'fixtures', 'accounts-sample.csv'), '--lang', 'hy');
    expect(out.split('\n')[0]).toContain('գնահատվել է 250 հաճախորդ');
  });

  it('runs as dist-cli/abm-tier.js with a real exit code', () => {
    const cliPath = join(__dirname, '..', '..', 'dist-cli', 'abm-tier.js');
    const ok = execFileSync(process.execPath, [cliPath, 'score', file('b.csv', SMALL)], { encoding: 'utf8' });
    expect(JSON.parse(ok).rows).toHaveLength(4);
    const bad = spawnSync(process.execPath, [cliPath, 'score', 'missing.csv'], { encoding: 'utf8', cwd: dir });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('abm-tier: missing.csv: no such file\n');
  });
});

describe('CSV reader', () => {
  it('gives the same records whatever the chunk boundaries', () => {
    const text = '\uFEFFa;b\r\n"x;""y""\r\nz";2\r\n3;4';
    const whole: string[][] = [];
    const p1 = new CsvParser((f) => whole.push(f));
    p1.push(text);
    p1.end();
    for (let cut = 1; cut < text.length; cut++) {
      const parts: string[][] = [];
      const p = new CsvParser((f) => parts.push(f));
      p.push(text.slice(0, cut));
      p.push(text.slice(cut));
      p.end();
      expect(parts).toEqual(whole);
    }
    expect(whole).toEqual([
      ['a', 'b'],
      ['x;"y"\r\nz', '2'],
      ['3', '4'],
    ]);
  });

  it('reads any text the same in one piece as a character at a time (the quote-free fast path agrees with the careful one)', () => {
    const alphabet = fc.constantFrom('a', 'b', '1', ',', ';', '"', '\n', '\r', ' ', 'é');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')),
        (text) => {
          const read = (pieces: string[]) => {
            const out: [string[], number, string][] = [];
            const p = new CsvParser((f, r, raw) => out.push([f, r, raw]), true);
            try {
              for (const piece of pieces) p.push(piece);
              p.end();
            } catch (error) {
              return String(error);
            }
            return out;
          };
          expect(read([text])).toEqual(read([...text]));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads a plain number straight from the text exactly as Number() does, and nothing else', () => {
    const plain = fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,15}$/u), fc.nat(15)).map(([neg, digits, at]) => {
      const cut = Math.min(at, digits.length - 1);
      return `${neg ? '-' : ''}${cut > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits}`;
    });
    fc.assert(
      fc.property(plain, (text) => {
        expect(Object.is(plainNumber(text, 0, text.length), Number(text))).toBe(true);
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '0', '.', '-', '+', 'e', ' ', ',', '9') }), (text) => {
        const v = plainNumber(text, 0, text.length);
        if (!Number.isNaN(v)) expect(Object.is(v, Number(text))).toBe(true);
      }),
      { numRuns: 20000 },
    );
    for (const text of ['', '-', '.5', '5.', '1e3', ' 5', '+5', '1,000', '1234567890123456', '0x10', '5-']) expect(plainNumber(text, 0, text.length)).toBeNaN();
  });

  it("hands over each record's own text, line end left off, whatever the chunk boundaries", () => {
    const text = 'a,b\r\n"x,""y""\r\nz",2\n3,4\r5,6';
    for (let cut = 0; cut <= text.length; cut++) {
      const raws: string[] = [];
      const p = new CsvParser((_f, _r, raw) => raws.push(raw), true);
      p.push(text.slice(0, cut));
      p.push(text.slice(cut));
      p.end();
      expect(raws).toEqual(['a,b', '"x,""y""\r\nz",2', '3,4', '5,6']);
    }
  });
});

describe('abm-tier accounts and rfm', () => {
  const orders = join(__dirname, '..', 'fixtures', 'sample-orders.csv');

  it('turns order lines into one row per account, ready to score', async () => {
    const { code, out } = await cli('accounts', orders, '--as-of', '2006-12-31');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('Account,Revenue,Profit,Cost,Orders,First order,Last order,Recency (days),Tenure (years),Products,Spend per purchase');
    expect(lines).toHaveLength(996);
    const scored = await cli('score', file('accts.csv', out), '--as-of', '2006-12-31');
    expect(JSON.parse(scored.out).rows).toHaveLength(995);
  });

  it('prints RFM customers and a segment summary as JSON, or the customers as CSV', async () => {
    const json = JSON.parse((await cli('rfm', orders, '--as-of', '2006-12-31')).out);
    expect(json.customers).toHaveLength(995);
    expect(json.customers.find((c: { account: string }) => c.account === 'Add Senger').score).toBe(412);
    expect(json.segments.reduce((a: number, s: { customers: number }) => a + s.customers, 0)).toBe(995);
    const csv = (await cli('rfm', orders, '--as-of', '2006-12-31', '--bins', '3', '--format', 'csv')).out.split('\n');
    expect(csv[0]).toBe('Account,Recency (days),Frequency,Monetary,R,F,M,RFM score,Segment');
    expect(csv[1]).toMatch(/^Brion Stark,229,8,852,[1-3],[1-3],[1-3],\d{3},/u);
  });

  it("adds each account's lookalike similarity with --lookalikes", async () => {
    const json = JSON.parse((await cli('score', join(__dirname, '..', 'fixtures', 'accounts-sample.csv'), '--lookalikes')).out);
    expect(json.rows.every((r: { lookalike: number }) => r.lookalike > 0 && r.lookalike <= 100)).toBe(true);
  });
});

describe('abm-tier on hostile files: one clear line or a correct result, never a stack trace', () => {
  it.each([
    ['an empty file', '', 'abm-tier: empty.csv: the file is empty: it needs a header row and one row per account\n'],
    [
      'a binary file',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]),
      /^abm-tier: binary\.csv: line 1: the file is not UTF-8 text \(byte 0x89\)/u,
    ],
    [
      'a binary file that is valid UTF-8',
      Buffer.from([0x50, 0x4e, 0x47, 0x1b, 0x5b, 0x32, 0x4a, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'abm-tier: binary-utf8.csv: no metric column found in the header (PNG); name a column Revenue, Profit, Engagement…\n',
    ],
    ['mismatched quotes', 'Account,Revenue\n"Acme,100\nBirch,200\n', 'abm-tier: quotes.csv: line 2: a quoted field is not closed (a " is missing)\n'],
  ])('%s', async (_what, content, expected) => {
    const name =
      ({ '': 'empty.csv' } as Record<string, string>)[content as string] ??
      (Buffer.isBuffer(content) ? (content[0] === 0x89 ? 'binary.csv' : 'binary-utf8.csv') : 'quotes.csv');
    file(name, content as string | Buffer);
    const { code, err, out } = await cli('score', name);
    expect(code).toBe(1);
    expect(out).toBe('');
    if (typeof expected === 'string') expect(err).toBe(expected);
    else expect(err).toMatch(expected);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('reads a 10 MB field', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    file('big.csv', `Account,Revenue,Notes\nA,100,"${big}"\nB,200,short\n`);
    const { code, out } = await cli('score', 'big.csv');
    expect(code).toBe(0);
    expect(JSON.parse(out).rows.map((r: { score: number }) => r.score)).toEqual([0, 100]);
  });
});

describe('abm-tier sql', () => {
  it('prints the scores and profitability queries for the columns of a file, in BigQuery by default', async () => {
    const { code, out } = await cli('sql', join(__dirname, '..', 'fixtures', 'accounts-sample.csv'), '--table', 'proj.ds.accounts', '--method', 'threshold');
    expect(code).toBe(0);
    expect(out).toContain('FROM `proj.ds.accounts`');
    expect(out).toContain('-- ABM Tier: profitability by segment');
    expect(out).toMatch(/WHEN rs >= 70\.0 THEN 1 WHEN rs >= 40\.0 THEN 2/u);
  });

  it('takes --columns and --dialect duckdb, and says what it needs', async () => {
    const { out } = await cli('sql', '--columns', 'Account,Revenue,Profit', '--table', 'accounts', '--dialect', 'duckdb');
    expect(out).toContain('FROM "accounts"');
    expect((await cli('sql', '--columns', 'Account')).err).toBe('abm-tier: sql needs --table, e.g. --table project.dataset.accounts\n');
    expect((await cli('sql', '--columns', 'Name,Notes', '--table', 't')).err).toBe('abm-tier: no metric column found among Name, Notes\n');
  });
});
