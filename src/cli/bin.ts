/** The node entry of abm-tier (bundled to dist-cli/abm-tier.js). */
import { run, terminalLine } from './main';

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`abm-tier: ${terminalLine(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  },
);
