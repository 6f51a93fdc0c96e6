// Builds dist/ for clasp (Code.js, Sidebar.html, appsscript.json: exactly what `clasp push` uploads)
// and dist-cli/ for the command line (abm-tier.js, the loader node starts; abm-tier-program.js; the program's
// V8 code cache, made by running the command on sample accounts). The CLI stays out of dist/: Apps Script loads every
// pushed file on every run, and the CLI's require() would break the menu and every custom function.
// Apps Script sees only top-level function declarations, so the bundle (one IIFE) is followed by a
// stub per export of src/main.ts, carrying that export's JSDoc (Sheets reads custom-function help there).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const distCli = join(root, 'dist-cli');
const CLI_FILE = 'abm-tier.js';
// The names src/cli/code-cache.ts reads (PROGRAM_FILE, CACHE_FILE, WRITE_CACHE_ENV); test/cli/code-cache.test.ts runs the built loader.
const CLI_PROGRAM = 'abm-tier-program.js';
const CLI_CACHE = 'abm-tier-program.cache';
const GLOBAL = 'AbmTier';
// Code.js is loaded by every custom-function cell: its budget guards that load (bench/load.ts: about 1 ms into a
// fresh context, since the settings schema and each catalogue are built on first use). It was 150 KB until the
// report card, categories, learned weights, next-tier moves, pins, the fit × engagement grid, order-line checks
// and exception lists came in (2026-12-02); Sidebar.html was 120 KB until the sidebar ran the engine itself to
// recompute the preview while the sliders move.
const BUDGET = { 'dist/Code.js': 245 * 1024, 'dist/Sidebar.html': 225 * 1024 };

/** Each `export function NAME(params)` of src/main.ts with the JSDoc right above it. */
export function publicFunctions(source) {
  const found = [];
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export\s+function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (let m; (m = re.exec(source)); ) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < source.length && depth > 0; i++) {
      const ch = source[i];
      if ('([{<'.includes(ch)) depth++;
      else if (')]}>'.includes(ch)) depth--;
    }
    const inner = source.slice(re.lastIndex, i - 1);
    const params = splitTopLevel(inner)
      .map(
        (p) =>
          p
            .trim()
            .replace(/^\.\.\./, '')
            .match(/^[A-Za-z_$][\w$]*/)?.[0],
      )
      .filter(Boolean);
    found.push({ name: m[2], jsdoc: (m[1] ?? '').trim(), params });
  }
  return found;
}

function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ('([{<'.includes(ch)) depth++;
    else if (')]}>'.includes(ch) && text[i - 1] !== '=') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i;
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) parts.push(text.slice(start));
  return parts;
}

const evaluated = new Map();

/** A TypeScript module, bundled with what it imports and evaluated here (once a build): its exports. */
function evaluate(path) {
  if (!evaluated.has(path)) {
    evaluated.set(
      path,
      build({ entryPoints: [path], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' }).then((out) => {
        const module = { exports: {} };
        new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
        return module.exports;
      }),
    );
  }
  return evaluated.get(path);
}

const SEPARATOR = '\n';

/**
 * A catalogue as it ships: its texts in the English catalogue's key order (a plural entry one slot
 * per category of PLURAL_FORMS), one string split when first used, instead of an object literal repeating
 * every key; recurring pieces stand as one character each (`compress`), Thai is shifted onto two-byte
 * code points (`scriptShift`). src/i18n/unpack.ts undoes it. A missing key or form stays missing
 * (English shows), as in the source. en.ts ships the same way, with its keys (a plural one marked `*`).
 * Each is unpacked on its language's first use (`lazyCatalogue`), not when the bundle loads: every
 * custom-function cell loads the bundle, and speaks one language.
 */
export async function packedCatalogue(path) {
  const source = readFileSync(path, 'utf8');
  const name = /export const (\w+)\s*[:=]/.exec(source)?.[1];
  if (!name) throw new Error(`${path}: no \`export const NAME = {\` to pack.`);
  const isEnglish = /[\\/]en\.ts$/.test(path);
  // The unpacking's own plural forms and key list, so that packing and unpacking cannot drift apart.
  const { PLURAL_FORMS, packedKeys } = await evaluate(join(dirname(path), 'unpack.ts'));
  const catalogue = (await evaluate(path))[name];
  const { en } = isEnglish ? { en: catalogue } : await evaluate(join(dirname(path), 'en.ts'));
  const keys = Object.keys(en);
  const stray = Object.keys(catalogue).filter((k) => !(k in en));
  if (stray.length) throw new Error(`${path}: keys not in en.ts: ${stray.join(', ')}`);
  const slots = [];
  for (const key of keys) {
    const entry = catalogue[key];
    if (typeof en[key] === 'string') {
      if (entry !== undefined && typeof entry !== 'string') throw new Error(`${path}: "${key}" has plural forms, but not in en.ts`);
      slots.push(entry ?? '');
      continue;
    }
    if (entry !== undefined && typeof entry !== 'object') throw new Error(`${path}: "${key}" is plural in en.ts: give its forms, e.g. { other: '…' }`);
    const unknown = Object.keys(entry ?? {}).filter((f) => !PLURAL_FORMS.includes(f));
    if (unknown.length) throw new Error(`${path}: "${key}" has forms that are no plural category: ${unknown.join(', ')}`);
    for (const form of PLURAL_FORMS) slots.push(entry?.[form] ?? '');
  }
  if (isEnglish) slots.unshift(...packedKeys(en));
  const bad = slots.find((text) => text.includes(SEPARATOR));
  if (bad !== undefined) throw new Error(`${path}: a text holds a line break: ${JSON.stringify(bad)}`);
  const joined = slots.join(SEPARATOR);
  const shift = scriptShift(joined);
  const { packed, pieces } = compress(shift ? shiftBlock(joined, shift.from, 0x80) : joined);
  const texts = `unpackTexts(${JSON.stringify(packed)}, ${JSON.stringify(pieces)}, ${shift ? shift.from : 0})`;
  return (
    isEnglish
      ? [
          "import { catalogueOf, lazyCatalogue, unpackTexts } from './unpack';",
          `export const ${name} = lazyCatalogue((into) => {`,
          `  const texts = ${texts};`,
          `  catalogueOf(texts.splice(0, ${keys.length}), texts, into);`,
          '});',
        ]
      : [
          "import { catalogueOf, lazyCatalogue, packedKeys, unpackTexts } from './unpack';",
          "import { en } from './en';",
          `export const ${name} = lazyCatalogue((into) => catalogueOf(packedKeys(en), ${texts}, into));`,
        ]
  ).join('\n');
}

/** Code points that stand for pieces (src/i18n/unpack.ts): U+0100 + k is piece k. */
const PIECE_BASE = 0x100;
const PIECE_END = 0x500;
/** The longest piece looked for, in UTF-16 code units. */
const PIECE_LENGTH = 24;

/**
 * Recurring pieces of `text` replaced by one two-byte character each, greedily by bytes saved: a
 * piece found n times saves n·(its bytes − 2) and costs its bytes + 1 in the list. Candidates are
 * counted once a round and re-checked on the current text before each is taken (lazy greedy), so a
 * build takes a fraction of a second. No piece spans a line break, so slots stay apart.
 */
export function compress(text) {
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c >= PIECE_BASE && c < PIECE_END)
      throw new Error(`a catalogue holds ${JSON.stringify(ch)}, a code point that packing keeps for its pieces (U+0100–U+04FF)`);
  }
  const bytes = (s) => Buffer.byteLength(s);
  const gain = (piece, count) => count * (bytes(piece) - 2) - (bytes(piece) + 1);
  const count = (t, piece) => t.split(piece).length - 1;
  // No piece starts or ends inside a surrogate pair.
  const inside = (t, i) => {
    const c = t.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  };
  const pieces = [];
  let t = text;
  while (pieces.length < PIECE_END - PIECE_BASE) {
    // Pieces of each length, counted only where the piece one shorter recurs (a longer one can recur only then).
    const counts = new Map();
    let starts = [];
    for (let i = 0; i < t.length; i++) if (t[i] !== SEPARATOR && !inside(t, i)) starts.push(i);
    for (let length = 2; length <= PIECE_LENGTH && starts.length > 0; length++) {
      const here = new Map();
      const kept = [];
      for (const i of starts) {
        const end = i + length;
        if (end > t.length || t[end - 1] === SEPARATOR) continue;
        kept.push(i);
        if (inside(t, end)) continue;
        const piece = t.slice(i, end);
        here.set(piece, (here.get(piece) ?? 0) + 1);
      }
      starts = kept.filter((i) => (here.get(t.slice(i, i + length)) ?? 2) >= 2);
      for (const [piece, n] of here) if (n >= 2) counts.set(piece, n);
    }
    const candidates = [...counts].map(([piece, n]) => [piece, gain(piece, n)]).filter(([, g]) => g > 0);
    candidates.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    candidates.length = Math.min(candidates.length, 1024);
    let taken = 0;
    while (candidates.length > 0 && taken < 128 && pieces.length < PIECE_END - PIECE_BASE) {
      const [piece] = candidates[0];
      const g = gain(piece, count(t, piece));
      if (g <= 0) {
        candidates.shift();
        continue;
      }
      if (candidates.length > 1 && g < candidates[1][1]) {
        // Worth less now than the next one's estimate: back in its place, by what it is worth now.
        candidates.shift();
        let at = 0;
        while (at < candidates.length && candidates[at][1] >= g) at++;
        candidates.splice(at, 0, [piece, g]);
        continue;
      }
      t = t.split(piece).join(String.fromCharCode(PIECE_BASE + pieces.length));
      pieces.push(piece);
      candidates.shift();
      taken++;
    }
    if (taken === 0) break;
  }
  return { packed: t, pieces: pieces.join(SEPARATOR) };
}

/**
 * A script that lives in one block of 128 code points, 3 bytes each in UTF-8 (Thai: U+0E00–U+0E7F),
 * ships shifted onto U+0080–U+00FF (2 bytes each) and is shifted back on first use: Code.js is
 * loaded by every custom-function cell, and Thai is 3,400 of its characters. The text's own
 * characters in U+0080–U+00FF (±, ×, ·) ship behind a U+0001 mark, so the shift is reversible.
 */
export function scriptShift(text) {
  if (text.includes('\u0001')) return null;
  const blocks = new Map();
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c >= 0x800 && c <= 0xffff) blocks.set(c >> 7, (blocks.get(c >> 7) ?? 0) + 1);
  }
  const [best] = [...blocks].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 500 ? { from: best[0] << 7 } : null;
}

function shiftBlock(text, from, to) {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    out += c >= from && c < from + 128 ? String.fromCharCode(c - from + to) : c >= 0x80 && c <= 0xff ? `\u0001${ch}` : ch;
  }
  return out;
}

/** Each catalogue packed once a build, for every bundle that loads it. */
const packed = new Map();

const packCatalogues = {
  name: 'pack-catalogues',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]i18n[\\/](en|th|zh-CN|hy)\.ts$/ }, async (args) => ({
      contents: await (packed.get(args.path) ?? packed.set(args.path, packedCatalogue(args.path)).get(args.path)),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** A top-level stub; only custom functions keep their JSDoc (Sheets shows it as help; the rest is bytes every call loads). */
function stub({ name, jsdoc, params }) {
  const list = params.join(', ');
  const help = jsdoc.includes('@customfunction') ? `${jsdoc}\n` : '';
  return `${help}function ${name}(${list}) { return ${GLOBAL}.${name}(${list}); }\n`;
}

async function bundle(entry, options) {
  // UTF-8 output: Thai, Chinese and Armenian text stay 2–3 bytes a character instead of 6-byte \u escapes.
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    plugins: [packCatalogues],
    ...options,
  });
  return result.outputFiles[0].text;
}

/** Built-ins the bundle's loops read on every row: bound once inside its IIFE. */
const BOUND_GLOBALS = ['Number', 'Math', 'Array', 'String', 'Object', 'Map', 'Set', 'Date', 'Float64Array', 'Int32Array', 'Uint32Array', 'Uint8Array'];

/**
 * The bundle with each built-in it uses read once into a local of its IIFE. A global read inside a
 * per-row loop is a lookup on the global object each time; in node's vm (where the tests and benches
 * load Code.js as Sheets does) that lookup goes through an interceptor and costs more than the loop's
 * own work. A local is one load, in Apps Script's V8 as well. The minifier never names a local after a
 * global the bundle reads, so the locals shadow nothing of ours.
 */
export function bindGlobals(code) {
  const head = /^"use strict";var \w+=\(\(\)=>\{/.exec(code);
  if (!head) throw new Error('dist/Code.js: the bundle no longer starts with its IIFE; bindGlobals cannot bind the built-ins.');
  const used = BOUND_GLOBALS.filter((name) => new RegExp(`(^|[^\\w$.])${name}\\b`).test(code.slice(head[0].length)));
  return `${head[0]}var{${used.join(',')}}=globalThis;${code.slice(head[0].length)}`;
}

async function buildCode() {
  const code = await bundle('src/main.ts', {
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    minify: true,
    mainFields: ['module', 'main'],
  });
  const functions = publicFunctions(readFileSync(join(root, 'src/main.ts'), 'utf8'));
  // Every export must have its stub: compare with what the bundle really exports.
  const context = vm.createContext({});
  vm.runInContext(code, context);
  const exported = Object.keys(context[GLOBAL]).sort();
  const stubbed = functions.map((f) => f.name).sort();
  if (exported.join() !== stubbed.join()) {
    throw new Error(`src/main.ts exports [${exported}] but stubs were made for [${stubbed}]: write each public function as \`export function NAME(…)\`.`);
  }
  const text = `${bindGlobals(code)}\n// Public functions: top-level stubs that Apps Script can see.\n${functions.map(stub).join('\n')}`;
  if (/^\s*(import|export)\s/m.test(text)) throw new Error('dist/Code.js still has an import or export statement.');
  return text;
}

async function buildSidebar() {
  const dir = join(root, 'sidebar');
  if (!existsSync(join(dir, 'index.html'))) return null;
  const js = await bundle('sidebar/main.ts', { format: 'iife', target: 'es2020', platform: 'browser', minify: true });
  const css = existsSync(join(dir, 'styles.css')) ? readFileSync(join(dir, 'styles.css'), 'utf8') : '';
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const safeJs = js.replace(/<\/script/gi, '<\\/script');
  return html.replace('<!-- styles -->', () => `<style>${css}</style>`).replace('<!-- script -->', () => `<script>${safeJs}</script>`);
}

async function buildCli() {
  if (!existsSync(join(root, 'src/cli/bin.ts'))) return null;
  const options = { format: 'cjs', platform: 'node', target: 'node20', minify: false };
  // The program as ASCII (text escaped, comments dropped): node reads it into a one-byte string, half
  // the memory of the two-byte one any other character makes, and decodes and hashes it faster (issue 16).
  const program = await bundle('src/cli/bin.ts', { ...options, charset: 'ascii', minifyWhitespace: true });
  const at = program.search(/[^\x00-\x7f]/u);
  if (at >= 0)
    throw new Error(
      `dist-cli/${CLI_PROGRAM} is not ASCII at ${JSON.stringify(program.slice(Math.max(0, at - 40), at + 10))}: write the character as an escape in its source.`,
    );
  return { loader: await bundle('src/cli/loader.ts', options), program };
}

/**
 * The program's code cache (src/cli/code-cache.ts): the command run on sample accounts, to CSV and
 * then to JSON, each run writing the cache the next one starts from, so it holds both paths' functions.
 * The runs take the paths most files and commands take, so that few functions are compiled afresh on a
 * user's start (4.6 ms of it at 100 000 rows before, issue 16): settings given by flags (parsed by
 * the settings schema), columns long enough for the radix sort (RADIX_FROM, 4 096 rows), and names
 * that repeat (the duplicate check's comparisons).
 */
async function buildCliCache() {
  const { sampleCsv } = await evaluate(join(root, 'src/sample/accounts.ts'));
  const work = mkdtempSync(join(tmpdir(), 'abm-tier-cache-'));
  try {
    const csv = join(work, 'accounts.csv');
    const lines = sampleCsv(5000, 7).trimEnd().split('\n');
    writeFileSync(csv, `${lines.concat(lines.slice(1, 3)).join('\n')}\n`);
    const flags = { csv: ['--as-of', '2026-06-30', '--weights', 'engagement=2'], json: ['--as-of', '2026-06-30', '--lang', 'en'] };
    for (const format of ['csv', 'json']) {
      const temp = join(work, CLI_CACHE);
      const args = [join(distCli, CLI_FILE), 'score', csv, '--format', format, '--out', join(work, `out.${format}`), ...flags[format]];
      const run = spawnSync(process.execPath, args, {
        env: { ...process.env, ABM_TIER_WRITE_CODE_CACHE: temp },
        encoding: 'utf8',
      });
      if (run.status !== 0 || !existsSync(temp)) throw new Error(`dist-cli: the command failed on sample accounts, so no code cache: ${run.stderr}`);
      renameSync(temp, join(distCli, CLI_CACHE));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function buildAll({ quiet = false } = {}) {
  evaluated.clear();
  packed.clear();
  // Each output by its path from the project root: dist/ for clasp, dist-cli/ for node.
  const outputs = { 'dist/Code.js': await buildCode() };
  const sidebar = await buildSidebar();
  if (sidebar) outputs['dist/Sidebar.html'] = sidebar;
  const cli = await buildCli();
  if (cli) {
    outputs[`dist-cli/${CLI_FILE}`] = cli.loader;
    outputs[`dist-cli/${CLI_PROGRAM}`] = cli.program;
  }
  outputs['dist/appsscript.json'] = readFileSync(join(root, 'appsscript.json'), 'utf8');
  // Only what this build makes stays (clasp would push any stray file), and each file is replaced
  // whole by a rename, so a test or a second build reading dist/ meanwhile never sees half a file.
  for (const dir of [dist, distCli]) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      const path = `${dir === dist ? 'dist' : 'dist-cli'}/${name}`;
      if (!(path in outputs) && path !== `dist-cli/${CLI_CACHE}`) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
  for (const [path, text] of Object.entries(outputs)) {
    const temp = join(root, `${path}.${process.pid}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(root, path));
  }
  if (cli) await buildCliCache();
  const problems = [];
  for (const [path, text] of Object.entries(outputs)) {
    if (path.endsWith('.json')) continue;
    const size = Buffer.byteLength(text);
    const budget = BUDGET[path];
    if (!quiet) console.log(`${path.padEnd(20)} ${(size / 1024).toFixed(1).padStart(7)} KB${budget ? ` (budget ${budget / 1024} KB)` : ''}`);
    if (budget && size > budget) problems.push(`${path} is ${(size / 1024).toFixed(1)} KB, over its ${budget / 1024} KB budget.`);
  }
  if (problems.length) throw new Error(problems.join(' '));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildAll().catch((error) => {
    console.error(`build: ${error.message}`);
    process.exit(1);
  });
}
