/**
 * The sidebar's one state: the sheet as the server last described it and the settings being
 * edited. Panels read it and change it only through `update`, which tells the subscribers (the
 * wiring in main.ts) whether the change asks for a new preview or a new column list.
 */
import { DEFAULT_RFM_SEGMENTS, type RfmSegmentRule } from '../src/core/rfm';
import type { MessageKey } from '../src/i18n';
import { ui, type Lang, type UiKey } from '../src/i18n/ui';
import type { SettingsInput, SidebarState } from '../src/sheet';

export type Settings = SidebarState['settings'];
export type RfmRule = NonNullable<Settings['rfmSegments']>[number];

/** Read-only all the way down: what panels see of the state outside `update`. */
export type Frozen<T> = T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** What a change asks for: a new preview, the columns worked out again by the server, the panels drawn again (and a preview), or nothing. */
export type Change = 'preview' | 'reload' | 'render' | 'none';

export interface Store {
  /** The sheet as the server last described it: columns, language, tier labels as shown, problem. */
  readonly sheet: Frozen<SidebarState>;
  /** The settings being edited; they survive reloads and go with every server call. */
  readonly settings: Frozen<Settings>;
  /** Takes the server's new description of the sheet (after a role or language change); the edited settings stay. */
  load(sheet: SidebarState): void;
  /** Changes the settings (and the shown tier labels), then tells every subscriber what the change asks for. */
  update(change: Change, edit: (settings: Settings, sheet: SidebarState) => void): void;
  subscribe(listener: (change: Change) => void): () => void;
  /** The sidebar's language: the chosen one, else the document's. */
  lang(): Lang;
  say(key: UiKey | MessageKey, params?: Record<string, string | number>): string;
  /** The settings as sent to the server: a plain copy, with no RFM rules while they are the defaults. */
  input(): SettingsInput;
}

/** The store, from the server's first description of the sheet, which brings the saved settings. */
export function createStore(first: SidebarState): Store {
  let sheet = first;
  const settings = first.settings;
  const listeners = new Set<(change: Change) => void>();
  const lang = (): Lang => (settings.lang !== 'auto' ? settings.lang : sheet.lang);
  return {
    get sheet() {
      return sheet;
    },
    settings,
    load(next) {
      sheet = next;
    },
    update(change, edit) {
      edit(settings, sheet);
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lang,
    say: (key, params = {}) => ui(lang(), key, params),
    input() {
      const copy = JSON.parse(JSON.stringify(settings)) as Settings;
      // The defaults are the engine's: a document keeps rules only when they differ from them.
      if (copy.rfmSegments && sameRules(copy.rfmSegments, DEFAULT_RFM_SEGMENTS)) delete copy.rfmSegments;
      return copy;
    },
  };
}

function sameRules(rules: readonly Frozen<RfmRule>[], defaults: readonly RfmSegmentRule[]): boolean {
  const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];
  return (
    rules.length === defaults.length &&
    rules.every((rule, k) => rule.name === defaults[k].name && same(rule.r, defaults[k].r) && same(rule.f, defaults[k].f) && same(rule.m, defaults[k].m))
  );
}
