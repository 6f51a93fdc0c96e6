import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicFunctions } from '../../scripts/build.mjs';
import { SAMPLE_HEADER, sampleAccounts } from '../../src/sample/accounts';
import * as fn from '../../src/functions';

const root = join(__dirname, '..', '..');
const CUSTOM = ['ABMSCORE', 'ABMTIER', 'ABMSEGMENT', 'ABMPROGRAM', 'ABMHEALTH', 'ABMDRIVERS', 'ABMLTV', 'ABMPROFIT'];

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
  it('declares every export of src/main.ts as a top-level function', () => {
    const names = publicFunctions(readFileSync(join(root, 'src', 'main.ts'), 'utf8')).map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(CUSTOM));
    for (const name of names) {
      expect(typeof context[name], name).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('gives each custom function a JSDoc block with @customfunction, @param per argument and @return', () => {
    for (const name of CUSTOM) {
      const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*function ${name}\\(([^)]*)\\)`).exec(code);
      expect(m, name).not.toBeNull();
      const [, doc, params] = m!;
      expect(doc).toContain('@customfunction');
      expect(doc).toContain('@return');
      const declared = params.split(',').map((p) => p.trim()).filter(Boolean);
      expect(declared.length).toBeGreaterThan(0);
      for (const p of declared) expect(doc, `${name} documents ${p}`).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p}\\]? \\S`));
    }
  });

  it('has no import or export statement left', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('stays within its 150 KB budget', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(150 * 1024);
  });

  it('answers through the globals exactly as the engine does', () => {
    const grid = [[...SAMPLE_HEADER], ...sampleAccounts(60, 7)];
    const viaGlobals = (name: string, ...args: unknown[]) => JSON.parse(JSON.stringify(context[name](...args)));
    expect(viaGlobals('ABMSCORE', grid)).toEqual(fn.abmScore(grid));
    expect(viaGlobals('ABMTIER', grid, 'threshold', '60,30')).toEqual(fn.abmTier(grid, 'threshold', '60,30'));
    expect(viaGlobals('ABMDRIVERS', grid)).toEqual(fn.abmDrivers(grid));
    const tiers = viaGlobals('ABMTIER', grid);
    expect(tiers[0]).toEqual(['Tier']);
    expect(new Set(tiers.slice(1).flat())).toEqual(new Set(['Tier 1', 'Tier 2', 'Tier 3']));
    expect(viaGlobals('ABMPROGRAM', tiers)[1][0]).toMatch(/ABM/);
    expect(viaGlobals('ABMLTV', 100, 4, 5)).toEqual([[2000]]);
  });

  it('refuses a bad argument with a message, not a crash of the sandbox', () => {
    expect(() => context.ABMTIER([[50], [60]], 'best')).toThrow(/method: "best" is not one of quantile, threshold, pareto, capacity/);
  });
});
