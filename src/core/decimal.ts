/**
 * Exact arithmetic on numbers read as the decimals they are written as: a double stands for the
 * shortest decimal that reads back as it (what String(x) prints, what the cell shows: 60.13, not
 * 60.1299999999999954525264911353588104248046875). Used where a rule compares sums exactly.
 */

/** x as digits × 10^exponent, from its shortest round-trip decimal. */
export function decimalOf(x: number): { digits: bigint; exponent: number } {
  const text = String(x);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  let exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  if (dot >= 0) exponent -= mantissa.length - dot - 1;
  return { digits: BigInt(dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)), exponent };
}

/**
 * The values as exact integers in one unit, 10^exponent (the finest any of them needs), so that
 * sums and small multiples of them compare exactly. A run of equal values is converted once.
 */
export function decimalUnits(values: readonly number[]): bigint[] {
  const parts: { digits: bigint; exponent: number }[] = [];
  let unit = 0;
  for (let i = 0; i < values.length; i++) {
    parts.push(i > 0 && values[i] === values[i - 1] ? parts[i - 1] : decimalOf(values[i]));
    unit = Math.min(unit, parts[i].exponent);
  }
  const out: bigint[] = [];
  for (let i = 0; i < parts.length; i++) out.push(i > 0 && parts[i] === parts[i - 1] ? out[i - 1] : parts[i].digits * 10n ** BigInt(parts[i].exponent - unit));
  return out;
}
