/**
 * Conditional-format formulas of the form `=$Q2="Tier 1"`, `=$Q2=1`, `=$C2>100000` or `=Q$2<>TRUE`,
 * evaluated as Sheets evaluates them: values of different types are never equal (`="1"=1` is
 * FALSE), text compares case-insensitively, a blank cell is "" to text, 0 to a number and FALSE to
 * a boolean, a date is its serial number, and ordering across types is number < text < boolean.
 * Any other formula throws: the fake does not guess.
 */
import { columnNumber } from '../../src/sheet/a1';
import { SheetDate } from './typed-text';

export type Operator = '=' | '<>' | '<' | '>' | '<=' | '>=';
export type Literal = string | number | boolean;

export interface RuleFormula {
  column: number;
  columnAbsolute: boolean;
  row: number;
  rowAbsolute: boolean;
  operator: Operator;
  literal: Literal;
}

const FORM = /^=\s*(\$?)([A-Z]{1,3})(\$?)(\d+)\s*(<>|<=|>=|=|<|>)\s*(?:"((?:[^"]|"")*)"|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|(TRUE|FALSE))\s*$/iu;

export function parseRuleFormula(formula: string): RuleFormula {
  const m = FORM.exec(formula);
  if (!m) throw new Error(`The fake cannot evaluate the conditional-format formula ${formula}: only =REF op "text" | number | TRUE/FALSE`);
  const literal: Literal = m[6] !== undefined ? m[6].replace(/""/gu, '"') : m[7] !== undefined ? Number(m[7]) : m[8].toUpperCase() === 'TRUE';
  return {
    columnAbsolute: m[1] === '$',
    column: columnNumber(m[2].toUpperCase()),
    rowAbsolute: m[3] === '$',
    row: Number(m[4]),
    operator: m[5] as Operator,
    literal,
  };
}

const SERIAL_ZERO = Date.UTC(1899, 11, 30);

/** Sheets' value of a cell in a formula: a date is its serial number; blank is undefined. */
function formulaValue(cell: unknown): Literal | undefined {
  if (cell === undefined || cell === null || cell === '') return undefined;
  if (cell instanceof SheetDate) return (cell.wall - SERIAL_ZERO) / 86_400_000;
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  throw new Error(`The fake cannot compare the cell value ${String(cell)}`);
}

function rank(v: Literal): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** cell op literal, as Sheets computes it. */
export function compareCell(cell: unknown, operator: Operator, literal: Literal): boolean {
  let a = formulaValue(cell);
  if (a === undefined) a = typeof literal === 'number' ? 0 : typeof literal === 'string' ? '' : false;
  let order: number;
  if (rank(a) !== rank(literal)) order = rank(a) - rank(literal);
  else if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (literal as string).toLowerCase();
    order = x === y ? 0 : x < y ? -1 : 1;
  } else order = Number(a) - Number(literal);
  switch (operator) {
    case '=':
      return order === 0 && rank(a) === rank(literal);
    case '<>':
      return !(order === 0 && rank(a) === rank(literal));
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
  }
}
