/**
 * A catalogue's text for one key: a text, or one text per plural category the language has
 * (`{ one: '{count} row has…', other: '{count} rows have…' }`), chosen by the message's `count`
 * through Intl.PluralRules. A language without plurals (Thai, Chinese) gives only `other`.
 */
export type Entry = string | PluralEntry;

export interface PluralEntry {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** A catalogue: some keys' entries (a missing key shows in English). */
export type Catalogue<K extends string> = Partial<Record<K, Entry>>;
