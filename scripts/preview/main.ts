/** `npm start`: serve the preview on PORT (default 8080) over the sample, or `--file accounts.csv`. */
import type { Value } from '../../test/fakes/workbook';
import { sampleWorkbook, startPreview } from './server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fileAt = args.indexOf('--file');
  let sheets: Record<string, Value[][]> = sampleWorkbook();
  if (fileAt >= 0) {
    const { readTableFile } = await import('./read-file');
    const file = args[fileAt + 1];
    if (!file) throw new Error('--file needs a path, e.g. npm start -- --file accounts.csv');
    sheets = await readTableFile(file);
  }
  const port = Number(process.env.PORT ?? 8080);
  const preview = await startPreview(sheets, port);
  console.log(`ABM Tier preview: ${preview.url}  (Ctrl+C to stop; set PORT to change the port)`);
}

main().catch((error: unknown) => {
  console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
