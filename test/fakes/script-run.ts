/**
 * What google.script.run does to a call between the sidebar and the server: the arguments and the
 * result travel as JSON-like values (primitives, null, arrays, plain objects). `undefined` in the
 * argument list or in an array arrives as null; an undefined property of an object is dropped. A
 * Date, a function, a Map or Set, a class instance, NaN or Infinity, a symbol or a bigint do not
 * survive: Google breaks them silently, this throws (stricter). A server error reaches the caller
 * as an Error carrying only its message.
 */

/** Thrown when a value could not cross google.script.run. */
export class ScriptRunTransferError extends Error {}

function refuse(path: string, what: string): never {
  throw new ScriptRunTransferError(`google.script.run cannot pass ${what} (at ${path}): only primitives, null, arrays and plain objects cross`);
}

/** A value as it arrives on the other side of google.script.run. */
export function transfer(value: unknown, path = 'value', seen: Set<object> = new Set()): unknown {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) refuse(path, String(value));
      return value;
    case 'function':
      return refuse(path, 'a function');
    case 'symbol':
      return refuse(path, 'a symbol');
    case 'bigint':
      return refuse(path, 'a bigint');
    default:
      break;
  }
  const obj = value as object;
  if (seen.has(obj)) refuse(path, 'a cyclic structure');
  if (obj instanceof Date) refuse(path, 'a Date (send an ISO string or a number)');
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const out: unknown[] = new Array(obj.length);
      for (let i = 0; i < obj.length; i++) out[i] = transfer(obj[i], `${path}[${i}]`, seen);
      return out;
    }
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      refuse(
        path,
        obj instanceof Map
          ? 'a Map'
          : obj instanceof Set
            ? 'a Set'
            : `an instance of ${(proto as { constructor?: { name?: string } }).constructor?.name ?? 'a class'}`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      const v = (obj as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out[key] = transfer(v, `${path}.${key}`, seen);
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}

/** Calls a server function as the sidebar would through google.script.run, synchronously. */
export function viaScriptRun<R = unknown>(fn: (...args: never[]) => unknown, ...args: unknown[]): R {
  const sent = args.map((a, i) => transfer(a, `argument ${i + 1}`));
  let result: unknown;
  try {
    result = (fn as (...a: unknown[]) => unknown)(...sent);
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
  return transfer(result, 'result') as R;
}

/** A server function wrapped so every call crosses google.script.run. */
export function scriptRun<R = unknown>(fn: (...args: never[]) => unknown): (...args: unknown[]) => R {
  return (...args: unknown[]) => viaScriptRun<R>(fn, ...args);
}

/**
 * Calls a server function by name as google.script.run does: only a top-level function whose name
 * does not end in "_" can be called, with any arguments.
 */
export function callByName<R = unknown>(server: Record<string, unknown>, name: string, ...args: unknown[]): R {
  const fn = Object.prototype.hasOwnProperty.call(server, name) ? server[name] : undefined;
  if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
  return viaScriptRun<R>(fn as (...a: never[]) => unknown, ...args);
}
