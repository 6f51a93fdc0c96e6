// Builds dist/ for clasp (Code.js, Sidebar.html, appsscript.json: exactly what `clasp push` uploads)
// and dist-cli/abm-tier.js for the command line. The CLI stays out of dist/: Apps Script loads every
// pushed file on every run, and the CLI's require() would break the menu and every custom function.
// Apps Script sees only top-level function declarations, so the bundle (one IIFE) is followed by a
// stub per export of src/main.ts, carrying that export's JSDoc (Sheets reads custom-function help there).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const distCli = join(root, 'dist-cli');
const CLI_FILE = 'abm-tier.js';
const GLOBAL = 'AbmTier';
const BUDGET = { 'dist/Code.js': 150 * 1024, 'dist/Sidebar.html': 120 * 1024 };

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
    const params = splitTopLevel(inner).map((p) => p.trim().replace(/^\.\.\./, '').match(/^[A-Za-z_$][\w$]*/)?.[0]).filter(Boolean);
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

/** A TypeScript module with no imports but types, evaluated here (once a build): its exports. */
function evaluate(path) {
  if (!evaluated.has(path)) {
    evaluated.set(path, build({ entryPoints: [path], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' }).then((out) => {
      const module = { exports: {} };
      new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
      return module.exports;
    }));
  }
  return evaluated.get(path);
}

const SEPARATOR = '\n';

/**
 * A translated catalogue as it ships: its texts in the English catalogue's key order, one string
 * split at load, instead of an object literal repeating every key (about 2.5 KB a language).
 * A missing key stays missing (English shows), as in the source.
 */
export async function packedCatalogue(path) {
  const source = readFileSync(path, 'utf8');
  const name = /export const (\w+)\s*:/.exec(source)?.[1];
  if (!name) throw new Error(`${path}: no \`export const NAME: … = {\` to pack.`);
  const [catalogue] = Object.values(await evaluate(path));
  const { en } = await evaluate(join(dirname(path), 'en.ts'));
  const keys = Object.keys(en);
  const stray = Object.keys(catalogue).filter((k) => !(k in en));
  if (stray.length) throw new Error(`${path}: keys not in en.ts: ${stray.join(', ')}`);
  const texts = keys.map((k) => catalogue[k] ?? '');
  const bad = texts.find((text) => text.includes(SEPARATOR));
  if (bad !== undefined) throw new Error(`${path}: a text holds a line break: ${JSON.stringify(bad)}`);
  const joined = texts.join(SEPARATOR);
  const shift = scriptShift(joined);
  const packed = shift ? shiftBlock(joined, shift.from, 0x80) : joined;
  return [
    "import { en } from './en';",
    shift
      ? `const texts = ${JSON.stringify(packed)}.replace(/\\u0001([\\u0080-\\u00ff])|[\\u0080-\\u00ff]/g, (c, own) => own ?? String.fromCharCode(c.charCodeAt(0) + ${shift.from - 0x80})).split(${JSON.stringify(SEPARATOR)});`
      : `const texts = ${JSON.stringify(packed)}.split(${JSON.stringify(SEPARATOR)});`,
    `export const ${name} = {};`,
    `Object.keys(en).forEach((key, i) => { if (texts[i] !== '') ${name}[key] = texts[i]; });`,
  ].join('\n');
}

/**
 * A script that lives in one block of 128 code points, 3 bytes each in UTF-8 (Thai: U+0E00–U+0E7F),
 * ships shifted onto U+0080–U+00FF (2 bytes each) and is shifted back once at load: Code.js is
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

const packCatalogues = {
  name: 'pack-catalogues',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]i18n[\\/](th|zh-CN|hy)\.ts$/ }, async (args) => ({
      contents: await packedCatalogue(args.path),
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
  const result = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, legalComments: 'none', charset: 'utf8', plugins: [packCatalogues], ...options });
  return result.outputFiles[0].text;
}

async function buildCode() {
  const code = await bundle('src/main.ts', { format: 'iife', globalName: GLOBAL, target: 'es2020', platform: 'neutral', minify: true, mainFields: ['module', 'main'] });
  const functions = publicFunctions(readFileSync(join(root, 'src/main.ts'), 'utf8'));
  // Every export must have its stub: compare with what the bundle really exports.
  const context = vm.createContext({});
  vm.runInContext(code, context);
  const exported = Object.keys(context[GLOBAL]).sort();
  const stubbed = functions.map((f) => f.name).sort();
  if (exported.join() !== stubbed.join()) {
    throw new Error(`src/main.ts exports [${exported}] but stubs were made for [${stubbed}]: write each public function as \`export function NAME(…)\`.`);
  }
  const text = `${code}\n// Public functions: top-level stubs that Apps Script can see.\n${functions.map(stub).join('\n')}`;
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
  return html
    .replace('<!-- styles -->', () => `<style>${css}</style>`)
    .replace('<!-- script -->', () => `<script>${safeJs}</script>`);
}

async function buildCli() {
  if (!existsSync(join(root, 'src/cli/bin.ts'))) return null;
  return bundle('src/cli/bin.ts', { format: 'cjs', platform: 'node', target: 'node20', minify: false });
}

export async function buildAll({ quiet = false } = {}) {
  evaluated.clear();
  // Each output by its path from the project root: dist/ for clasp, dist-cli/ for node.
  const outputs = { 'dist/Code.js': await buildCode() };
  const sidebar = await buildSidebar();
  if (sidebar) outputs['dist/Sidebar.html'] = sidebar;
  const cli = await buildCli();
  if (cli) outputs[`dist-cli/${CLI_FILE}`] = cli;
  outputs['dist/appsscript.json'] = readFileSync(join(root, 'appsscript.json'), 'utf8');
  // Only what this build makes stays (clasp would push any stray file), and each file is replaced
  // whole by a rename, so a test or a second build reading dist/ meanwhile never sees half a file.
  for (const dir of [dist, distCli]) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      const path = `${dir === dist ? 'dist' : 'dist-cli'}/${name}`;
      if (!(path in outputs)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
  for (const [path, text] of Object.entries(outputs)) {
    const temp = join(root, `${path}.${process.pid}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(root, path));
  }
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
