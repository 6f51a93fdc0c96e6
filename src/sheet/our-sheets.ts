import type { DeveloperMetadataApi, SheetApi, SpreadsheetApi } from './apps-script';

/**
 * The sheets the add-on made, found by the developer metadata it put on them (never by name alone,
 * so a user's sheet of the same name is never taken for ours, and ours is found after a rename).
 * One search of the spreadsheet's metadata serves every sheet a run needs.
 */
export type OurSheets = Map<string, { tag: DeveloperMetadataApi; sheet: SheetApi }[]>;

export function findOurSheets(ss: SpreadsheetApi, keys: readonly string[]): OurSheets {
  const out: OurSheets = new Map(keys.map((k) => [k, []]));
  for (const tag of ss.createDeveloperMetadataFinder().find()) {
    const list = out.get(tag.getKey());
    if (!list) continue;
    const sheet = tag.getLocation().getSheet();
    if (sheet) list.push({ tag, sheet });
  }
  return out;
}
