import { DEFAULT_RFM_SEGMENTS, type RfmSegmentRule } from '../core/rfm';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { t, type Lang, type MessageKey } from './index';

/**
 * Settings whose labels are the English defaults get the language's labels; labels the user wrote
 * stay as written. Everything downstream (cells, colours, summary) then speaks that language.
 */
export function localise(settings: Settings, lang: Lang): Settings {
  if (lang === 'en') return settings;
  const same = (a: readonly string[], b: readonly string[]) => a.every((x, i) => x === b[i]);
  const three = (prefix: 'tier' | 'segment' | 'program') => [1, 2, 3].map((k) => t(lang, `${prefix}.${k}` as 'tier.1')) as [string, string, string];
  return {
    ...settings,
    labels: same(settings.labels, DEFAULT_SETTINGS.labels) ? three('tier') : settings.labels,
    segmentLabels: same(settings.segmentLabels, DEFAULT_SETTINGS.segmentLabels) ? three('segment') : settings.segmentLabels,
    programLabels: same(settings.programLabels, DEFAULT_SETTINGS.programLabels) ? three('program') : settings.programLabels,
  };
}

/**
 * RFM rules with the default names in the language (a rule the user named keeps its name), and
 * the name of the customers no rule holds: the default rules, or ones saved under their names.
 */
export function rfmRules(rules: readonly RfmSegmentRule[], lang: Lang): { rules: RfmSegmentRule[]; other: string } {
  const defaults = DEFAULT_RFM_SEGMENTS.map((r) => r.name);
  return {
    rules: rules.map((rule) => {
      const k = defaults.indexOf(rule.name);
      return k < 0 ? rule : { ...rule, name: t(lang, `rfm.seg.${k + 1}` as MessageKey) };
    }),
    other: t(lang, 'rfm.others'),
  };
}

/** Locales that write 1.234,5 (a comma decimal mark). */
const DECIMAL_COMMA = /^(hy|de|fr|es|it|pt|ru|nl|pl|tr|uk|cs|sk|sv|da|nb|fi|el|ro|hu|bg|hr|sl|sr|lt|lv|et|id|vi)(_|-|$)/u;

export function cellLocale(lang: Lang, locale?: string | null): { decimalComma: boolean; buddhistEra: boolean } {
  const l = String(locale ?? '').toLowerCase();
  return { decimalComma: l ? DECIMAL_COMMA.test(l) : lang === 'hy', buddhistEra: lang === 'th' || l.startsWith('th') };
}
