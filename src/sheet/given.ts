/**
 * google.script.run sends `undefined` as `null` (in the argument list and inside arrays): every
 * server function treats `null` like an argument that was not given.
 */
export function given<T>(arg: T | null | undefined): T | undefined {
  return arg === null ? undefined : arg;
}
