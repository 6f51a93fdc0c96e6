import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/**
 * Runs the real dist/Code.js in a node:vm context, as Apps Script would, with the Sheets services
 * given as globals (the in-memory fakes here). The local preview and the browser tests share it.
 */

export interface AppsScriptGlobals {
  SpreadsheetApp: unknown;
  PropertiesService: unknown;
  LockService: unknown;
  HtmlService: unknown;
}

export interface AddonRuntime {
  /** Calls a top-level function as google.script.run would: arguments and result cross as JSON. */
  call(name: string, args?: unknown[]): unknown;
  /** Names of the top-level functions Code.js declares. */
  functions(): string[];
  context: vm.Context;
}

const ROOT = join(__dirname, '..', '..');

export function loadAddon(globals: AppsScriptGlobals, codePath = join(ROOT, 'dist', 'Code.js')): AddonRuntime {
  const code = readFileSync(codePath, 'utf8');
  // One Date for the add-on and the fake Sheets, as in Apps Script: a date the add-on writes is a Date to the sheet.
  const context = vm.createContext({ ...globals, console, Date });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const names = Object.keys(context).filter((k) => typeof context[k] === 'function' && /^function /u.test(String(context[k])));
  return {
    context,
    functions: () => names,
    call(name, args = []) {
      if (!names.includes(name) || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
      // google.script.run passes plain values only: no Date, no functions (dates cross as ISO strings).
      const plainArgs = JSON.parse(JSON.stringify(args)) as unknown[];
      const result = (context[name] as (...a: unknown[]) => unknown)(...plainArgs);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    },
  };
}

/**
 * The google.script.run shim put into the sidebar page: each call becomes a POST to /rpc/NAME
 * with the arguments as JSON; the failure handler receives an Error with the server's message.
 */
export const GOOGLE_SCRIPT_SHIM = `<script>
(function () {
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure); };
        if (name === 'withFailureHandler') return function (fn) { return runner(success, fn); };
        if (name === 'withUserObject') return function () { return runner(success, failure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc/' + encodeURIComponent(String(name)), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
            .then(function (r) { return r.json(); })
            .then(function (body) {
              if (body.ok) { if (success) success(body.value); }
              else if (failure) failure(new Error(body.error));
            })
            .catch(function (e) { if (failure) failure(e); });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
</script>`;

/** The sidebar HTML as served locally: the shim goes in before the sidebar's own script. */
export function sidebarPage(distDir = join(ROOT, 'dist')): string {
  const html = readFileSync(join(distDir, 'Sidebar.html'), 'utf8');
  return html.replace('<head>', `<head>${GOOGLE_SCRIPT_SHIM}`);
}
