/**
 * Text we write with setValues must stay exactly that text. Sheets reads a string the way it reads
 * what a person types: `00123` becomes 123, an 18-digit id a rounded number, `1-2` a date, `TRUE` a
 * boolean, `=…` a formula. A leading apostrophe keeps any text as typed (Sheets hides it and
 * getValues returns the text without it), so every string we write carries one: guessing which
 * strings Sheets would convert, in every locale, is a game we would lose.
 */
export function plainText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** Numbers stay numbers, dates dates; text is made plain; NaN and ±Infinity become blank. */
export function cellValue(value: string | number | null | undefined): string | number;
export function cellValue(value: string | number | Date | null | undefined): string | number | Date;
export function cellValue(value: string | number | Date | null | undefined): string | number | Date {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value;
  return value ? plainText(value) : '';
}
