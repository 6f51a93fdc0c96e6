/**
 * The parts of the Apps Script API the shell uses, as narrow interfaces. The real services must be
 * assignable to them (checked at the bottom by the compiler), so the shell, typed against these,
 * runs on the real services in Apps Script and on the in-memory fake in tests; any drift from the
 * real API breaks the typecheck.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface RangeApi {
  getValues(): any[][];
  setValues(values: any[][]): RangeApi;
  getFormulas(): string[][];
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getA1Notation(): string;
  setNumberFormat(format: string): RangeApi;
  addDeveloperMetadata(key: string, value: string): RangeApi;
  /** Number formats and font weights (not values) back to the sheet's defaults. */
  clearFormat(): RangeApi;
  /** The note on each cell of the range (null clears it); notes are not values. */
  setNote(note: string | null): RangeApi;
}

export type FontWeightApi = 'bold' | 'normal';

export interface RangeListApi {
  setNumberFormat(format: string): RangeListApi;
  setFontWeight(fontWeight: FontWeightApi | null): RangeListApi;
}

export interface DeveloperMetadataLocationApi {
  getColumn(): RangeApi | null;
  /** The sheet, for metadata placed on a sheet (null for a column's). */
  getSheet(): SheetApi | null;
}

export interface DeveloperMetadataApi {
  getKey(): string;
  getValue(): string | null;
  setValue(value: string): DeveloperMetadataApi;
  getLocation(): DeveloperMetadataLocationApi;
  remove(): void;
}

export interface DeveloperMetadataFinderApi {
  withKey(key: string): DeveloperMetadataFinderApi;
  find(): DeveloperMetadataApi[];
}

export interface BooleanConditionApi {
  getCriteriaValues(): any[];
}

/** How a colour scale's end is placed: the range's MIN or MAX, or at a NUMBER given as text. */
export type InterpolationTypeApi = GoogleAppsScript.Spreadsheet.InterpolationType;

export interface InterpolationTypesApi {
  NUMBER: InterpolationTypeApi;
  MIN: InterpolationTypeApi;
  MAX: InterpolationTypeApi;
}

/** A colour scale (gradient) rule's ends. */
export interface GradientConditionApi {
  getMinColor(): string;
  getMinType(): InterpolationTypeApi | null;
  getMinValue(): string;
  getMaxColor(): string;
  getMaxType(): InterpolationTypeApi | null;
  getMaxValue(): string;
}

export interface ConditionalFormatRuleApi {
  getBooleanCondition(): BooleanConditionApi | null;
  getGradientCondition(): GradientConditionApi | null;
  getRanges(): RangeApi[];
}

export interface ConditionalFormatRuleBuilderApi {
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderApi;
  setBackground(color: string | null): ConditionalFormatRuleBuilderApi;
  setRanges(ranges: RangeApi[]): ConditionalFormatRuleBuilderApi;
  setGradientMinpointWithValue(color: string, type: InterpolationTypeApi, value: string): ConditionalFormatRuleBuilderApi;
  setGradientMaxpoint(color: string): ConditionalFormatRuleBuilderApi;
  build(): ConditionalFormatRuleApi;
}

export interface ChartOptionsApi {
  get(option: string): any;
}

export interface EmbeddedChartBuilderApi {
  asColumnChart(): EmbeddedChartBuilderApi;
  asLineChart(): EmbeddedChartBuilderApi;
  addRange(range: RangeApi): EmbeddedChartBuilderApi;
  clearRanges(): EmbeddedChartBuilderApi;
  setNumHeaders(headers: number): EmbeddedChartBuilderApi;
  setOption(option: string, value: any): EmbeddedChartBuilderApi;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderApi;
  build(): EmbeddedChartApi;
}

export interface EmbeddedChartApi {
  getOptions(): ChartOptionsApi;
  modify(): EmbeddedChartBuilderApi;
}

export interface SheetApi {
  getName(): string;
  getSheetId(): number;
  activate(): SheetApi;
  getDataRange(): RangeApi;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeApi;
  getRange(a1Notation: string): RangeApi;
  getRangeList(a1Notations: string[]): RangeListApi;
  getMaxColumns(): number;
  getMaxRows(): number;
  insertColumnsAfter(columnIndex: number, howMany: number): SheetApi;
  insertRowsAfter(afterPosition: number, howMany: number): SheetApi;
  setFrozenRows(rows: number): void;
  setColumnWidth(columnPosition: number, width: number): SheetApi;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetApi;
  hideSheet(): SheetApi;
  isSheetHidden(): boolean;
  addDeveloperMetadata(key: string, value: string): SheetApi;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderApi;
  getConditionalFormatRules(): ConditionalFormatRuleApi[];
  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void;
  getCharts(): EmbeddedChartApi[];
  newChart(): EmbeddedChartBuilderApi;
  insertChart(chart: EmbeddedChartApi): void;
  updateChart(chart: EmbeddedChartApi): void;
}

export interface SpreadsheetApi {
  getActiveSheet(): SheetApi;
  /** Metadata anywhere in the spreadsheet: finds our sheets whatever they are named now. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinderApi;
  getSheetByName(name: string): SheetApi | null;
  insertSheet(sheetName: string): SheetApi;
  toast(msg: string, title: string, timeoutSeconds: number): void;
  getSpreadsheetLocale(): string;
  getSpreadsheetTimeZone(): string;
  getSheets(): SheetApi[];
}

export interface MenuApi {
  addItem(caption: string, functionName: string): MenuApi;
  addSeparator(): MenuApi;
  addToUi(): void;
}

export interface HtmlOutputApi {
  setTitle(title: string): HtmlOutputApi;
}

export interface UiApi {
  createAddonMenu(): MenuApi;
  showSidebar(userInterface: HtmlOutputApi): void;
  alert(prompt: string): unknown;
}

export interface SpreadsheetAppApi {
  getActiveSpreadsheet(): SpreadsheetApi;
  getUi(): UiApi;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderApi;
  InterpolationType: InterpolationTypesApi;
}

export interface PropertiesApi {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): PropertiesApi;
  getProperties(): { [key: string]: string };
}

export interface PropertiesServiceApi {
  getDocumentProperties(): PropertiesApi;
}

export interface LockApi {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface LockServiceApi {
  getDocumentLock(): LockApi;
}

export interface HtmlServiceApi {
  createHtmlOutputFromFile(filename: string): HtmlOutputApi;
}

export interface Services {
  spreadsheetApp: SpreadsheetAppApi;
  properties: PropertiesServiceApi;
  lock: LockServiceApi;
  html: HtmlServiceApi;
}

/** The real services, read from Apps Script's globals only when called (importing this in Node is safe). */
export function realServices(): Services {
  return { spreadsheetApp: SpreadsheetApp, properties: PropertiesService, lock: LockService, html: HtmlService };
}

// ── Drift checks: each real type must fit its narrow interface, or this file does not compile. ──
type Fits<Real, Narrow> = Real extends Narrow ? true : false;
type Assert<T extends true> = T;
export type DriftChecks = [
  Assert<Fits<GoogleAppsScript.Spreadsheet.Range, RangeApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.RangeList, RangeListApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.Sheet, SheetApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.DeveloperMetadata, DeveloperMetadataApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, DeveloperMetadataFinderApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, ConditionalFormatRuleApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.EmbeddedChart, EmbeddedChartApi>>,
  Assert<Fits<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, EmbeddedChartBuilderApi>>,
  Assert<Fits<GoogleAppsScript.Properties.Properties, PropertiesApi>>,
  Assert<Fits<GoogleAppsScript.Properties.PropertiesService, PropertiesServiceApi>>,
  Assert<Fits<GoogleAppsScript.Lock.Lock, LockApi>>,
  Assert<Fits<GoogleAppsScript.Lock.LockService, LockServiceApi>>,
  Assert<Fits<GoogleAppsScript.Base.Ui, UiApi>>,
  Assert<Fits<GoogleAppsScript.Base.Menu, MenuApi>>,
  Assert<Fits<GoogleAppsScript.HTML.HtmlService, HtmlServiceApi>>,
  Assert<Fits<GoogleAppsScript.HTML.HtmlOutput, HtmlOutputApi>>,
];
