import { fill, t, type Lang, type MessageKey } from './index';

/** The command line's own words (its `summary` report); everything else comes from the shared catalogues. */

const en = {
  'cli.summaryTitle': 'ABM Tier summary of {file}: {count} accounts scored (method {method}).',
  'cli.noData': 'no data',
  'cli.bestSegment': 'The segment that earns the most profit: {segment} ({profit} of profit from {accounts} of accounts).',
  'cli.problems': '{count} row(s) could not be scored; run abm-tier score for the messages.',
} as const;

export type CliKey = keyof typeof en;

const CLI_CATALOGUES: Record<Lang, Record<CliKey, string>> = {
  en,
  th: {
    'cli.summaryTitle': 'สรุป ABM Tier ของ {file}: ให้คะแนน {count} บัญชี (วิธี {method})',
    'cli.noData': 'ไม่มีข้อมูล',
    'cli.bestSegment': 'กลุ่มที่ทำกำไรมากที่สุด: {segment} ({profit} ของกำไร จาก {accounts} ของบัญชี)',
    'cli.problems': '{count} แถวให้คะแนนไม่ได้ เรียก abm-tier score เพื่อดูข้อความ',
  },
  'zh-CN': {
    'cli.summaryTitle': '{file} 的 ABM Tier 摘要：已评分 {count} 个客户（方法：{method}）。',
    'cli.noData': '无数据',
    'cli.bestSegment': '利润最高的分群：{segment}（以 {accounts} 的客户贡献 {profit} 的利润）。',
    'cli.problems': '{count} 行无法评分；运行 abm-tier score 查看原因。',
  },
  hy: {
    'cli.summaryTitle': 'ABM Tier-ի ամփոփում՝ {file}․ գնահատվել է {count} հաճախորդ (մեթոդ՝ {method})։',
    'cli.noData': 'տվյալ չկա',
    'cli.bestSegment': 'Ամենաշատ շահույթ բերող հատվածը՝ {segment} (շահույթի {profit}-ը հաճախորդների {accounts}-ից)։',
    'cli.problems': '{count} տող հնարավոր չեղավ գնահատել․ հաղորդագրությունների համար գործարկեք abm-tier score։',
  },
};

export type CliTranslate = (key: MessageKey | CliKey, params?: Record<string, string | number>) => string;

/** Words of the command line and of the shared catalogues, in one language. */
export function cliTranslator(lang: Lang): CliTranslate {
  return (key, params = {}) => {
    if (!(key in en)) return t(lang, key as MessageKey, params);
    return fill(CLI_CATALOGUES[lang][key as CliKey], params);
  };
}
