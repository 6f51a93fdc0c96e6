/**
 * How the abm-tier command starts (src/cli/loader.ts, bundled to dist-cli/abm-tier.js): it runs the
 * program (src/cli/bin.ts, bundled to dist-cli/abm-tier-program.js) from V8's code cache, which the
 * build makes by running the command on sample accounts (scripts/build.mjs). A cold node otherwise
 * parses the 400 KB bundle and compiles every function it calls into bytecode on each start, on each
 * thread; from the cache the bytecode is read back instead.
 *
 * V8 accepts a cache only from its own version and flags, and checks the source by its length alone,
 * so the cache starts with a stamp of the program it was made from (its size and modification time):
 * a program rebuilt or edited by hand is never run with another program's bytecode. Without a cache
 * (or with one V8 rejects) the program is compiled as node's require would: same program, slower start.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The program and its cache, next to the loader. */
export const PROGRAM_FILE = 'abm-tier-program.js';
export const CACHE_FILE = 'abm-tier-program.cache';

/** Set by the build to a path: the command writes its code cache there as it ends (main thread). */
export const WRITE_CACHE_ENV = 'ABM_TIER_WRITE_CODE_CACHE';
/** Set (to anything) to have each thread say on stderr how it loaded the program: for tests. */
export const REPORT_ENV = 'ABM_TIER_CODE_CACHE_REPORT';

/**
 * Whether this is the main thread: asked of node:worker_threads only when a test or the build wants
 * to know (the module and what it loads cost a cold start 3 ms).
 */
const onMainThread = () => (require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;

/** How the program was loaded: from the cache, or compiled because the cache is missing, stale or rejected by V8. */
export type CacheUse = 'used' | 'missing' | 'stale' | 'rejected';

/** The first line of a cache made from `program` as it is now. */
export function cacheStamp(program: string): string {
  const { size, mtimeMs } = statSync(program);
  return `abm-tier code cache ${size} ${mtimeMs}\n`;
}

/** The cached bytecode in `cache` when its stamp is `stamp`; why there is none otherwise. */
export function readCache(cache: string, stamp: string): Buffer | 'missing' | 'stale' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cache);
  } catch {
    return 'missing';
  }
  const head = Buffer.from(stamp, 'latin1');
  return bytes.length > head.length && bytes.subarray(0, head.length).equals(head) ? bytes.subarray(head.length) : 'stale';
}

/**
 * node's CommonJS wrapper, with one more parameter: the loader's own path, which the program
 * starts its rows worker with (bin.ts), so that the worker loads from the cache too.
 */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname, abmTierEntry) { ';
const WRAP_TAIL = '\n});';

type Program = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string, entry: string) => void;

/** Runs the program next to `entry` (the loader's path) as module `module`; returns how it was loaded. */
export function runProgram(entry: string, module: NodeJS.Module): CacheUse {
  const dir = dirname(entry);
  const program = join(dir, PROGRAM_FILE);
  const source = readFileSync(program, 'utf8');
  const stamp = cacheStamp(program);
  const cached = readCache(join(dir, CACHE_FILE), stamp);
  const script = new Script(WRAP_HEAD + source + WRAP_TAIL, {
    filename: program,
    cachedData: typeof cached === 'string' ? undefined : cached,
  });
  const use: CacheUse = typeof cached === 'string' ? cached : script.cachedDataRejected ? 'rejected' : 'used';
  if (process.env[REPORT_ENV]) process.stderr.write(`abm-tier code cache: ${use} (${onMainThread() ? 'main thread' : 'worker'})\n`);
  const out = process.env[WRITE_CACHE_ENV];
  // At exit the cache holds every function the command compiled, so the next start skips them all.
  if (out && onMainThread()) process.on('exit', () => writeFileSync(out, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()])));
  (script.runInThisContext() as Program).call(module.exports, module.exports, createRequire(program), module, program, dir, entry);
  return use;
}
