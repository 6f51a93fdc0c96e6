/** `npm start`: serve the preview on PORT (default 8080) over the sample, or `--file accounts.csv`. */
import type { Value } from '../../test/fakes/workbook';
import { firstLine } from './first-line';
import { sampleWorkbook, startPreview } from './server';

/** The port from PORT: a whole number from 0 (any free port) to 65535. */
function port(): number {
  const text = process.env.PORT ?? '8080';
  const n = Number(text);
  if (!/^\d+$/u.test(text.trim()) || n > 65535) throw new Error(`PORT=${text} is not a port number (0 to 65535)`);
  return n;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fileAt = args.indexOf('--file');
  let sheets: Record<string, Value[][]> = sampleWorkbook();
  const listen = port();
  if (fileAt >= 0) {
    const { readTableFile } = await import('./read-file');
    const file = args[fileAt + 1];
    if (!file) throw new Error('--file needs a path, e.g. npm start -- --file accounts.csv');
    sheets = await readTableFile(file);
  }
  const preview = await startPreview(sheets, listen);
  console.log(`ABM Tier preview: ${preview.url}  (Ctrl+C to stop; set PORT to change the port)`);
}

main().catch((error: unknown) => {
  // One line, whatever went wrong: the reason, never a stack trace.
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code === 'EADDRINUSE' ? `port ${process.env.PORT ?? 8080} is in use: set PORT to another, e.g. PORT=8081 npm start` : firstLine(error);
  console.error(`preview: ${reason}`);
  process.exit(1);
});
