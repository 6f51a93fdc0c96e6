import type { MetricRole } from './roles';

/**
 * What the engine says, as data: a code and its parameters. The engine holds no words of any
 * language; each surface renders a message in its language (src/i18n, `render`), and a parameter
 * may itself be a message (a row's place, a reason) or a list of them.
 */

/** Where a row is, as messages name it: a sheet row or file line, a row of a function's range or ranges. */
export type RowCode = 'cell.row' | 'cell.rowOfRange' | 'cell.rowOfRanges';

/** Why a cell cannot be read (parseCell's codes, and an order line's). */
export type ReasonCode =
  | 'cell.notNumber'
  | 'cell.boolean'
  | 'cell.date'
  | 'cell.notFinite'
  | 'cell.badDate'
  | 'orders.noAccount'
  | 'orders.noDate'
  | 'orders.noRevenue';

/** Why a setting is refused (settings.ts); the first five also serve the functions' own arguments. */
export type SettingsReasonCode =
  | 'set.whole'
  | 'set.dateFormat'
  | 'set.realDate'
  | 'set.unknown'
  | 'set.oneOf'
  | 'set.notInRange'
  | 'set.notWhole'
  | 'set.empty'
  | 'set.tooLong'
  | 'set.notDate'
  | 'set.notDay'
  | 'set.notColour'
  | 'set.rfmOrder'
  | 'set.tooManyRules'
  | 'set.over100'
  | 'set.not100'
  | 'set.thresholdOrder'
  | 'set.unknownKeys'
  | 'set.notOneOf'
  | 'set.notNumber'
  | 'set.notWholeNumber'
  | 'set.notOnOff'
  | 'set.notText'
  | 'set.notList'
  | 'set.notGroup'
  | 'set.json'
  | 'set.bad';

/** A settings field as the sidebar names it (settings.ts `fieldName`). */
export type SettingsFieldCode =
  | 'set.f.method'
  | 'set.f.cutoffs'
  | 'set.f.cutoff'
  | 'set.f.thresholds'
  | 'set.f.threshold'
  | 'set.f.capacity'
  | 'set.f.strategicMarketers'
  | 'set.f.strategicAccounts'
  | 'set.f.liteMarketers'
  | 'set.f.liteAccounts'
  | 'set.f.labels'
  | 'set.f.label'
  | 'set.f.colours'
  | 'set.f.colour'
  | 'set.f.unprofitableCap'
  | 'set.f.asOf'
  | 'set.f.ratios'
  | 'set.f.ratio'
  | 'set.f.segmentCutoffs'
  | 'set.f.segmentLabels'
  | 'set.f.programLabels'
  | 'set.f.activeDays'
  | 'set.f.rfmSegments'
  | 'set.f.rfmRule'
  | 'set.f.rfmAxis'
  | 'set.f.rfmFrom'
  | 'set.f.rfmTo'
  | 'set.f.roles'
  | 'set.f.role'
  | 'set.f.weights'
  | 'set.f.weight'
  | 'set.f.directions'
  | 'set.f.direction'
  | 'set.f.lang'
  | 'set.f.discountRate'
  | 'set.f.axes'
  | 'set.f.axis'
  | 'set.f.gridCutoffs'
  | 'set.f.gridCutoff'
  | 'set.f.gridPrograms'
  | 'set.f.gridProgram'
  | 'set.f.settings';

/** Every code the engine emits; src/i18n's English catalogue has a text for each (checked by the compiler there). */
export type MessageCode =
  | RowCode
  | ReasonCode
  | SettingsReasonCode
  | SettingsFieldCode
  | `tier.${1 | 2 | 3}`
  | `segment.${1 | 2 | 3}`
  | `program.${1 | 2 | 3}`
  | `role.${MetricRole}`
  | 'cell.column'
  | 'cell.invalid'
  | 'cell.problem'
  | 'cell.missing'
  | 'warn.more'
  | 'warn.totalRow'
  | 'warn.futureDates'
  | 'warn.noScore'
  | 'warn.capped'
  | 'warn.pinOverCap'
  | 'pin.bad'
  | 'warn.tooLarge'
  | 'warn.unknownName'
  | 'warn.noGridCell'
  | 'warn.categoryNoOutcome'
  | 'msg.noMetric'
  | 'msg.allZero'
  | 'tiers.noValue'
  | 'tiers.noGrid'
  | 'msg.ordersEmpty'
  | 'msg.ordersMissing'
  | 'msg.orderLines'
  | 'msg.duplicateKey'
  | 'msg.duplicateKeys'
  | 'dup.account'
  | 'dup.more'
  | 'orders.asOf'
  | 'orders.asOfLast'
  | 'report.tooFew'
  | 'report.separates'
  | 'report.noSeparation'
  | 'report.reversed'
  | 'drivers.top'
  | 'drivers.bottom'
  | 'drivers.weakest'
  | 'drivers.capped'
  | 'set.issues'
  | 'set.issue'
  | 'set.issueAll';

export type MessageParam<C extends string = MessageCode> = string | number | Message<C> | readonly Message<C>[];

/**
 * A message: `{ code: 'warn.noScore', params: { count: 2 } }`. A `count` parameter chooses the plural
 * form where the language has several. `C`: the codes allowed (a surface may say more than the engine).
 */
export interface Message<C extends string = MessageCode> {
  readonly code: C;
  readonly params?: Readonly<Record<string, MessageParam<C>>>;
}

/** Turns a message into words, in one language (src/i18n's `renderer`). */
export type Render = (message: Message) => string;

/**
 * An error that is a message: surfaces render `said` in their language. Its `message` is the code
 * and parameters as JSON (the engine has no words), for logs and code that does not render.
 */
export class MessageError<C extends string = MessageCode> extends Error {
  override name = 'MessageError';
  constructor(readonly said: Message<C>) {
    super(said.params ? `${said.code} ${JSON.stringify(said.params)}` : said.code);
  }
}

/** What an error says to the user: a MessageError in the surface's words, any other error its message. */
export function errorText(error: unknown, render: Render): string {
  return error instanceof MessageError ? render(error.said) : error instanceof Error ? error.message : String(error);
}
