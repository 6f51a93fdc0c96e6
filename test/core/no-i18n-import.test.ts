import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** src/core says what it means as message codes; only the surfaces turn them into words (src/i18n). */

const CORE = resolve(__dirname, '..', '..', 'src', 'core');
const I18N = resolve(__dirname, '..', '..', 'src', 'i18n');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.[cm]?[jt]sx?$/u.test(name) ? [path] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, `import('…')`, `require('…')`, types included. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/gu,
    /\bimport\s*['"]([^'"]+)['"]/gu,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gu,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/gu,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]);
  return found;
}

describe('src/core imports nothing from src/i18n', () => {
  it('finds the files and their imports (the scan itself works)', () => {
    const all = files(CORE);
    expect(all.length).toBeGreaterThan(20);
    expect(specifiers("import type { A } from '../i18n';\nexport * from \"./x\";\nconst m = import('../i18n/en');")).toEqual(['../i18n', './x', '../i18n/en']);
  });

  it('no file under src/core names a module in src/i18n, not even for types', () => {
    const offenders = files(CORE).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .filter((s) => {
          const target = resolve(dirname(file), s);
          return target === I18N || target.startsWith(`${I18N}/`) || target.startsWith(`${I18N}\\`);
        })
        .map((s) => `${relative(CORE, file)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
