import type { Settings } from '../core';
import { RULES_PROPERTY } from './keys';
import { columnLetter } from './a1';
import type { ConditionalFormatRuleApi, PropertiesApi, Services, SheetApi, SpreadsheetAppApi } from './apps-script';
import { withDocumentLock } from './document-lock';

/**
 * Whole rows coloured by tier with conditional-format rules on the Tier column, so colours follow
 * later edits. setConditionalFormatRules replaces every rule of a sheet: the user's rules are read
 * and kept; ours are recognised by the formulas we recorded in a document property.
 */

function formulaOf(rule: ConditionalFormatRuleApi): string | null {
  const condition = rule.getBooleanCondition();
  if (!condition) return null;
  const values = condition.getCriteriaValues();
  return values.length ? String(values[0]) : null;
}

/** Our rules are recorded per sheet: `abmTier.rules.<sheet name>`. */
export function rulesKey(sheetName: string): string {
  return `${RULES_PROPERTY}.${sheetName}`;
}

interface RulesRecord {
  formulas: string[];
  /** The rows and columns coloured and the colours, to tell whether anything changed. */
  area: string;
}

function readRecord(text: string | null | undefined): RulesRecord {
  try {
    const r = JSON.parse(text ?? '') as RulesRecord | string[];
    if (Array.isArray(r)) return { formulas: r.map(String), area: '' };
    if (r && Array.isArray(r.formulas)) return { formulas: r.formulas.map(String), area: String(r.area ?? '') };
  } catch {
    /* nothing recorded */
  }
  return { formulas: [], area: '' };
}

export interface ColourArea {
  /** 1-based rows of the first and last data row, and the last column to colour. */
  firstRow: number;
  lastRow: number;
  lastColumn: number;
  /** 1-based column of the Tier output. */
  tierColumn: number;
}

export function colourRows(
  app: SpreadsheetAppApi,
  sheet: SheetApi,
  sheetName: string,
  props: PropertiesApi,
  settings: Settings,
  area: ColourArea,
  /** The stored record when already read with the other properties (saves a call). */
  storedRules?: string | null,
): void {
  const key = rulesKey(sheetName);
  const stored = storedRules === undefined ? props.getProperty(key) : storedRules;
  const before = readRecord(stored);
  const ours = new Set(before.formulas);
  const current = sheet.getConditionalFormatRules();
  const tier = `$${columnLetter(area.tierColumn)}${area.firstRow}`;
  const formulas = area.lastRow >= area.firstRow ? settings.labels.map((label) => `=${tier}="${label.replace(/"/gu, '""')}"`) : [];
  const record: RulesRecord = { formulas, area: `${area.firstRow}:${area.lastRow}:${area.lastColumn}:${settings.colours.join(',')}` };
  // Nothing changed and our rules are all still there: leave the rules alone.
  const present = new Set(current.map(formulaOf));
  if (JSON.stringify(record) === JSON.stringify(before) && formulas.every((f) => present.has(f))) return;
  // A rule with exactly the formula we are about to add is ours too (e.g. recorded under the sheet's old name).
  const kept = current.filter((rule) => {
    const f = formulaOf(rule);
    return f === null || (!ours.has(f) && !formulas.includes(f));
  });
  const rules: ConditionalFormatRuleApi[] = [];
  if (formulas.length) {
    const range = sheet.getRange(area.firstRow, 1, area.lastRow - area.firstRow + 1, area.lastColumn);
    formulas.forEach((formula, k) => {
      rules.push(app.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(settings.colours[k]).setRanges([range]).build());
    });
  }
  sheet.setConditionalFormatRules([...kept, ...rules]);
  props.setProperty(key, JSON.stringify(record));
}

/** "Remove tier colours": drops our rules only. Returns how many were removed. */
export function removeColours(sheet: SheetApi, props: PropertiesApi): number {
  const key = rulesKey(sheet.getName());
  const ours = new Set(readRecord(props.getProperty(key)).formulas);
  const rules = sheet.getConditionalFormatRules();
  const kept = rules.filter((rule) => {
    const f = formulaOf(rule);
    return f === null || !ours.has(f);
  });
  if (kept.length !== rules.length) sheet.setConditionalFormatRules(kept);
  props.setProperty(key, JSON.stringify({ formulas: [], area: '' }));
  return rules.length - kept.length;
}

/** "Remove tier colours" on the active sheet, under the document lock. */
export function removeActiveColours(services: Services): number {
  return withDocumentLock(services, () =>
    removeColours(services.spreadsheetApp.getActiveSpreadsheet().getActiveSheet(), services.properties.getDocumentProperties()),
  );
}
