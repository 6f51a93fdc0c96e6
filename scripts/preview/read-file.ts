import type { Value } from '../../test/fakes/workbook';

/** A user's CSV (or XLSX) as the preview's sheets. */
export async function readTableFile(file: string): Promise<Record<string, Value[][]>> {
  throw new Error(`Reading ${file} is not ready yet.`);
}
