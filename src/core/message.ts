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

/** Why a setting is refused, after `Settings "field":` (settings.ts). */
export type SettingsReasonCode =
  | 'set.range'
  | 'set.whole'
  | 'set.notEmpty'
  | 'set.maxChars'
  | 'set.dateFormat'
  | 'set.realDate'
  | 'set.sum100'
  | 'set.thresholds'
  | 'set.colour'
  | 'set.unknown'
  | 'set.oneOf'
  | 'set.atMost'
  | 'set.atLeast'
  | 'set.number'
  | 'set.wholeNumber'
  | 'set.boolean'
  | 'set.text'
  | 'set.list'
  | 'set.object'
  | 'set.invalid';

/** Every code the engine emits; src/i18n's English catalogue has a text for each (checked by the compiler there). */
export type MessageCode =
  | RowCode
  | ReasonCode
  | SettingsReasonCode
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
  | 'warn.tooLarge'
  | 'msg.noMetric'
  | 'msg.allZero'
  | 'tiers.noValue'
  | 'msg.ordersEmpty'
  | 'msg.ordersMissing'
  | 'drivers.top'
  | 'drivers.bottom'
  | 'drivers.weakest'
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
