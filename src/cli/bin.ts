/** The program of abm-tier (bundled to dist-cli/abm-tier-program.js; loader.ts starts it, from its code cache). */
import { fstatSync, writeSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { run, terminalLine } from './main';
import { rowsWorker, type RowsWorkerData } from './parallel-rows';

/** Inputs from this size (bytes) have their rows written on two cores; ABM_TIER_PARALLEL_FROM sets another (0: always, for tests). */
const PARALLEL_FROM = 16 << 20;

/** The loader's path, when the loader runs this program (code-cache.ts passes it): the worker starts from it too. */
declare const abmTierEntry: string | undefined;

if (!isMainThread && (workerData as RowsWorkerData | null)?.abmTierRows) rowsWorker(workerData as RowsWorkerData);
else main();

function main(): void {
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  /** stdout is a file (`> scored.json`) or /dev/null: written to directly, as `--out` is; else through the stream. */
  function stdoutIsFile(): boolean {
    try {
      const stat = fstatSync(1);
      return stat.isFile() || (stat.isCharacterDevice() && !process.stdout.isTTY);
    } catch {
      return false;
    }
  }

  const toFile = stdoutIsFile();
  const from = Number(process.env.ABM_TIER_PARALLEL_FROM ?? PARALLEL_FROM);

  run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stdoutBytes: toFile
      ? (bytes) => {
          for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at);
        }
      : // A copy: the sink reuses its buffer, and a write to a terminal or pipe may finish later.
        (bytes) => process.stdout.write(Buffer.from(bytes)),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    rowsWorker: { script: typeof abmTierEntry === 'string' ? abmTierEntry : __filename, from: Number.isFinite(from) ? from : PARALLEL_FROM },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`abm-tier: ${terminalLine(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}
