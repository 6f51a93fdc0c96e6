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

/** Column letter(s) of a 1-based column index: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
