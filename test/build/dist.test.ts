import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicFunctions } from '../../scripts/build.mjs';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import * as main from '../../src/main';

/**
 * dist/Code.js as Apps Script loads it. The build itself refuses a bundle with an export left
 * without its top-level stub, an import or export statement, or a file over its budget
 * (scripts/build.mjs), so none of that is checked again here: only what the build does not check.
 */

const root = join(__dirname, '..', '..');

type Doc = { name: string; jsdoc: string; params: string[] };
/** The custom functions: the exports of src/main.ts whose JSDoc says @customfunction. */
const CUSTOM: Doc[] = (publicFunctions(readFileSync(join(root, 'src', 'main.ts'), 'utf8')) as Doc[]).filter((f) => f.jsdoc.includes('@customfunction'));

const grid = () => [[...SAMPLE_HEADER], ...sampleAccounts(60, 7)];
const column = (header: (typeof SAMPLE_HEADER)[number]) => {
  const g = grid();
  const c = SAMPLE_HEADER.indexOf(header);
  return g.map((row) => [row[c]]);
};

/** Arguments to call each custom function with, as a sheet would pass them. */
const EXAMPLES: Record<string, () => unknown[]> = {
  ABMSCORE: () => [grid()],
  ABMTIER: () => [grid(), 'threshold', '60,30'],
  ABMSEGMENT: () => [column('Revenue')],
  ABMPROGRAM: () => [[['Tier'], ['Tier 1'], ['Tier 3'], ['Tier 2'], ['']]],
  ABMHEALTH: () => [grid()],
  ABMDRIVERS: () => [grid()],
  ABMLTV: () => [[[100], [250]], 4, 5, 0.3, 0.1],
  ABMPROFIT: () => [
    [['Segment'], ['Money Maker'], ['Filler'], ['Filler']],
    [['Revenue'], [100], [50], [30]],
    [['Profit'], [20], [10], [-6]],
  ],
  ABMRFM: () => [
    [['Account'], ['A'], ['B'], ['A']],
    [['Order date'], ['2026-01-05'], ['2026-02-01'], ['2026-03-01']],
    [['Revenue'], [10], [20], [5]],
    '2026-06-30',
  ],
  ABMKPI: () => [grid()],
  ABMNEXT: () => [grid()],
  ABMGRID: () => [grid(), 'revenue=2, engagement=3'],
  ABMLEARN: () => {
    const rows = [['Account', 'Engagement', 'Orders'], ...Array.from({ length: 120 }, (_, i) => [`A${i}`, (i * 37) % 120, (i * 53) % 120])];
    return [rows, [['Won'], ...rows.slice(1).map((r) => [Number(r[1]) + (Number(r[2]) % 30) > 70 ? 'Won' : 'Lost'])]];
  },
  ABMLOOKALIKE: () => [
    grid(),
    [
      ['Ideal'],
      ...grid()
        .slice(1)
        .map((_, i) => [i < 6]),
    ],
  ],
  ABMREPORT: () => [
    [['Tier'], ['Tier 1'], ['Tier 2'], ['Tier 3'], ['Tier 3']],
    [['Won'], ['Yes'], ['No'], ['Yes'], ['No']],
  ],
};

let code = '';
let context: vm.Context;

beforeAll(() => {
  // test/global-setup.ts has built dist/ before any test file runs.
  code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
  // An empty context, as Apps Script gives: no require, no module, no process.
  context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
});

describe('dist/Code.js, loaded as Apps Script loads it', () => {
  it('finds every custom function of src/main.ts (the eleven of today among them), and the same ones documented in dist/Code.js', () => {
    const names = CUSTOM.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ABMSCORE',
        'ABMTIER',
        'ABMSEGMENT',
        'ABMPROGRAM',
        'ABMHEALTH',
        'ABMDRIVERS',
        'ABMLTV',
        'ABMPROFIT',
        'ABMRFM',
        'ABMKPI',
        'ABMLOOKALIKE',
      ]),
    );
    // A custom function is named in capitals, as Sheets shows it; every such export is one.
    const exported = (publicFunctions(readFileSync(join(root, 'src', 'main.ts'), 'utf8')) as Doc[]).map((f) => f.name);
    expect(names).toEqual(exported.filter((n) => /^[A-Z]+$/u.test(n)));
    // Only custom functions keep their JSDoc in the bundle: the documented stubs are exactly these.
    expect([...code.matchAll(/\*\/\s*function (\w+)\(/gu)].map((m) => m[1])).toEqual(names);
  });

  for (const { name } of CUSTOM) {
    it(`${name}: carries its JSDoc help, with @customfunction, a @param for each argument and @return`, () => {
      const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*function ${name}\\(([^)]*)\\)`).exec(code);
      expect(m, name).not.toBeNull();
      const [, doc, params] = m!;
      expect(doc).toContain('@customfunction');
      expect(doc).toMatch(/@return \{[^}]+\} \S/u);
      const declared = params
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      expect(declared.length).toBeGreaterThan(0);
      for (const p of declared) expect(doc, `${name} documents ${p}`).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p}\\]? \\S`));
    });

    it(`${name}: answers through its global exactly as src/main.ts does`, () => {
      const example = EXAMPLES[name];
      expect(example, `an example call of ${name} in EXAMPLES`).toBeDefined();
      const viaGlobal = JSON.parse(JSON.stringify(context[name](...example())));
      const viaSource = JSON.parse(JSON.stringify((main as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...example())));
      expect(viaGlobal).toEqual(viaSource);
      expect(viaGlobal.length).toBeGreaterThan(0);
    });
  }

  it("refuses a bad argument with the engine's message, not a crash of the sandbox", () => {
    let message = '';
    try {
      main.ABMTIER([[50], [60]], 'best');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('best');
    expect(() => context.ABMTIER([[50], [60]], 'best')).toThrow(message);
  });
});
