/**
 * Sets `record[key]` as an own property whatever the key: `record['__proto__'] = v` would set the
 * prototype instead and lose the entry, and a column may well be headed `__proto__`.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
