/** The program of abm-tier (bundled to dist-cli/abm-tier-program.js; loader.ts starts it, from its code cache). */
import { fstatSync, writeSync } from 'node:fs';
import { run, terminalLine } from './main';
import { ROWS_WORKER_ARG, rowsWorkerData, rowsWorker } from './parallel-rows';

/** Inputs from this size (bytes) have their rows written on two cores; ABM_TIER_PARALLEL_FROM sets another (0: always, for tests). */
const PARALLEL_FROM = 16 << 20;

/** The loader's path, when the loader runs this program (code-cache.ts passes it): the worker starts from it too. */
declare const abmTierEntry: string | undefined;

const asWorker = process.argv[2] === ROWS_WORKER_ARG ? rowsWorkerData() : null;
if (asWorker) rowsWorker(asWorker);
else main();

/**
 * Writes `bytes` to file descriptor `fd` directly, waiting until they are written, and what the
 * descriptor would not take without blocking through node's stream (`stream()`, made only then).
 * Written directly, a command that writes a file and a few lines on stderr never loads node's
 * stream modules (5 ms of its start). A pipe whose reader went away (`| head`) takes nothing more, quietly.
 */
function writeOut(fd: number, bytes: Uint8Array, stream: () => NodeJS.WritableStream): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw error;
      // A copy: a write through the stream may finish later, and the caller may reuse its buffer.
      stream().write(Buffer.from(bytes.subarray(at)));
      return;
    }
  }
}

function main(): void {
  let streamWatched = false;
  /** process.stdout, made when first needed; output piped into `head` and the like stops quietly when the reader goes away. */
  const stdoutStream = () => {
    if (!streamWatched) {
      streamWatched = true;
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
    }
    return process.stdout;
  };

  /** stdout is a file (`> scored.json`) or /dev/null: written to directly, as `--out` is; else through the stream. */
  let toFile: boolean | undefined;
  function stdoutIsFile(): boolean {
    try {
      const stat = fstatSync(1);
      return stat.isFile() || (stat.isCharacterDevice() && !stdoutStream().isTTY);
    } catch {
      return false;
    }
  }

  const stderr = (text: string) => writeOut(2, Buffer.from(text), () => process.stderr);
  const from = Number(process.env.ABM_TIER_PARALLEL_FROM ?? PARALLEL_FROM);

  run(process.argv.slice(2), {
    stdout: (text) => stdoutStream().write(text),
    stdoutBytes: (bytes) => {
      toFile ??= stdoutIsFile();
      if (toFile) writeOut(1, bytes, stdoutStream);
      // A copy: the sink reuses its buffer, and a write to a terminal or pipe may finish later.
      else stdoutStream().write(Buffer.from(bytes));
    },
    stderr,
    cwd: process.cwd(),
    rowsWorker: { script: typeof abmTierEntry === 'string' ? abmTierEntry : __filename, from: Number.isFinite(from) ? from : PARALLEL_FROM },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      stderr(`abm-tier: ${terminalLine(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}
