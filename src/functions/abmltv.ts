import { lifetimeValue, parseCell, type Cell } from '../core';
import { absent, cellMessage, column, frame, inLanguage, say, word, type DocumentLabels, type Framed, type Output } from './args';

/**
 * =ABMLTV(spend_per_purchase, purchases_per_year, years, [margin], [discount_rate]): lifetime value
 * per row (SPEC §8). Each argument is a value or a column; a single value applies to every row.
 */
export function abmLtv(spend: unknown, perYear: unknown, years: unknown, margin?: unknown, discountRate?: unknown, doc: DocumentLabels = {}): Output {
  return inLanguage(doc, () => ltv(spend, perYear, years, margin, discountRate, doc));
}

function ltv(spend: unknown, perYear: unknown, years: unknown, margin: unknown, discountRate: unknown, doc: DocumentLabels): Output {
  const names = ['spend_per_purchase', 'purchases_per_year', 'years', 'margin', 'discount_rate'];
  const args = [spend, perYear, years, margin, discountRate].map((a, k) => (k >= 3 && absent(a) ? null : frame(a)));
  const present = args.filter((a): a is Framed => a !== null);
  const rows = Math.max(...present.map((a) => a.rows.length));
  const at = (a: Framed | null, i: number, fallback: number): Cell => {
    if (!a) return fallback;
    const r = a.rows.length === 1 ? a.rows[0] : a.rows[i];
    return r ? r[0] : '';
  };
  const out: (string | number)[] = [];
  for (let i = 0; i < rows; i++) {
    const values: number[] = [];
    let message = '';
    let missing = false;
    args.forEach((a, k) => {
      const cell = at(a, i, k === 3 ? 1 : 0);
      const parsed = parseCell(cell, 'number', 0, doc.locale);
      if (parsed.ok) values.push(parsed.value);
      else if (parsed.missing) missing = true;
      else message ||= cellMessage(doc, i + 1, { argument: names[k] }, cell, parsed.code);
    });
    if (message) out.push(message);
    else if (missing) out.push('');
    else if (values[4] < 0) {
      out.push(say(doc)('msg.belowZero', { row: i + 1, name: names[4], value: values[4] }));
    } else out.push(lifetimeValue(values[0], values[1], values[2], values[3], values[4]));
  }
  const title = word(doc, 'out.ltv');
  return column({ header: present.some((a) => a.header) ? [title] : null, rows: [] }, title, out);
}
