import type { Settings } from '../core';
import { RULES_PROPERTY } from './keys';
import { columnLetter } from './plain-text';
import type { ConditionalFormatRuleApi, PropertiesApi, SheetApi, SpreadsheetAppApi } from './apps-script';

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

/** Our rules are recorded per sheet: `abmTier.rules.<sheet id>`. */
export function rulesKey(sheetId: number): string {
  return `${RULES_PROPERTY}.${sheetId}`;
}

function ourFormulas(props: PropertiesApi, key: string, stored?: string | null): Set<string> {
  const text = stored === undefined ? props.getProperty(key) : stored;
  try {
    const list = JSON.parse(text ?? '[]') as unknown;
    return new Set(Array.isArray(list) ? list.map(String) : []);
  } catch {
    return new Set();
  }
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
  sheetId: number,
  props: PropertiesApi,
  settings: Settings,
  area: ColourArea,
  /** The stored formulas when already read with the other properties (saves a call). */
  storedRules?: string | null,
): void {
  const key = rulesKey(sheetId);
  const ours = ourFormulas(props, key, storedRules);
  const kept = sheet.getConditionalFormatRules().filter((rule) => {
    const f = formulaOf(rule);
    return f === null || !ours.has(f);
  });
  const formulas: string[] = [];
  const rules: ConditionalFormatRuleApi[] = [];
  if (area.lastRow >= area.firstRow) {
    const range = sheet.getRange(area.firstRow, 1, area.lastRow - area.firstRow + 1, area.lastColumn);
    const tier = `$${columnLetter(area.tierColumn)}${area.firstRow}`;
    settings.labels.forEach((label, k) => {
      const formula = `=${tier}="${label.replace(/"/gu, '""')}"`;
      formulas.push(formula);
      rules.push(app.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(settings.colours[k]).setRanges([range]).build());
    });
  }
  sheet.setConditionalFormatRules([...kept, ...rules]);
  const record = JSON.stringify(formulas);
  if (record !== storedRules) props.setProperty(key, record);
}

/** "Remove tier colours": drops our rules only. Returns how many were removed. */
export function removeColours(sheet: SheetApi, props: PropertiesApi): number {
  const ours = ourFormulas(props, rulesKey(sheet.getSheetId()));
  const rules = sheet.getConditionalFormatRules();
  const kept = rules.filter((rule) => {
    const f = formulaOf(rule);
    return f === null || !ours.has(f);
  });
  if (kept.length !== rules.length) sheet.setConditionalFormatRules(kept);
  return rules.length - kept.length;
}
