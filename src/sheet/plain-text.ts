/**
 * Text we write with setValues must stay text: Sheets would run `=…`, `+…`, `-…`, `@…` as a formula.
 * A leading apostrophe makes Sheets keep it as typed (and hides the apostrophe).
 */
export function plainText(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

/** Numbers stay numbers; text is made plain; NaN and ±Infinity become blank. */
export function cellValue(value: string | number | null | undefined): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return value ? plainText(value) : '';
}
