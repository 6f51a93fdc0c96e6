/**
 * How a catalogue ships in the bundles (scripts/build.mjs packs it; the sources stay plain objects):
 * its texts in the English catalogue's key order, one slot each (a plural entry one slot per form of
 * PLURAL_FORMS, empty when the language has no such form), joined by line breaks into one string.
 * Pieces that recur (words, placeholders, phrases) stand as one character each, U+0100 + k for piece
 * k; a piece may hold earlier pieces. A script that lives in one block of 128 code points (Thai)
 * ships shifted onto U+0080–U+00FF, its own characters of that block behind U+0001.
 *
 * A packed catalogue stays packed until its language is first used (`unpacked`): every custom-function
 * cell loads the whole bundle, and a call speaks one language.
 */

/** The CLDR plural categories, in the order a plural entry's slots ship. */
export const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

type Unpacked = Record<string, string | Record<string, string>>;

/** Packed catalogues not used yet: each with what fills it. */
const pending = new WeakMap<object, (into: Unpacked) => void>();

/** A catalogue that ships packed: empty until `unpacked` has `fill` fill it in, on its first use. */
export function lazyCatalogue(fill: (into: Unpacked) => void): Unpacked {
  const catalogue: Unpacked = {};
  pending.set(catalogue, fill);
  return catalogue;
}

/** The catalogue with its words: a packed one is unpacked the first time (a plain one is returned as it is). */
export function unpacked<T extends object>(catalogue: T): T {
  const fill = pending.get(catalogue);
  if (fill) {
    pending.delete(catalogue);
    fill(catalogue as Unpacked);
  }
  return catalogue;
}

/** A packed catalogue's slots: `packed` with its pieces put back and its shift undone. */
export function unpackTexts(packed: string, pieces: string, shift: number): string[] {
  const dict = pieces === '' ? [] : pieces.split('\n');
  const expand = (text: string) => text.replace(/[\u0100-\u04ff]/gu, (c) => dict[c.charCodeAt(0) - 0x100]);
  for (let k = 0; k < dict.length; k++) dict[k] = expand(dict[k]);
  let text = expand(packed);
  if (shift) text = text.replace(/\u0001([\u0080-\u00ff])|[\u0080-\u00ff]/gu, (c, own?: string) => own ?? String.fromCharCode(c.charCodeAt(0) + shift - 0x80));
  return text.split('\n');
}

/** The catalogue of `keys` (a key ending in `*` is plural) from its slots, written into `out`; an empty slot stays missing. */
export function catalogueOf(keys: readonly string[], texts: readonly string[], out: Unpacked = {}): Unpacked {
  let i = 0;
  for (const key of keys) {
    if (!key.endsWith('*')) {
      const text = texts[i++];
      if (text !== '') out[key] = text;
      continue;
    }
    const forms: Record<string, string> = {};
    let any = false;
    for (const form of PLURAL_FORMS) {
      const text = texts[i++];
      if (text !== '') {
        forms[form] = text;
        any = true;
      }
    }
    if (any) out[key.slice(0, -1)] = forms;
  }
  return out;
}

/** The English catalogue's keys as packing lists them: a plural one marked `*` (its slots are one per plural form). */
export function packedKeys(en: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(unpacked(en)).map((k) => (typeof en[k] === 'string' ? k : `${k}*`));
}
