import type { Entry } from './entry';
import { fill, t, textOf, type Lang, type MessageKey } from './index';

/** The command line's own words (its `summary` report); everything else comes from the shared catalogues. */

const en = {
  'cli.summaryTitle': 'ABM Tier summary of {file}: {count} accounts scored (method {method}).',
  'cli.noData': 'no data',
  'cli.bestSegment': 'The segment that earns the most profit: {segment} ({profit} of profit from {accounts} of accounts).',
  'cli.problems': {
    one: '{count} row could not be scored; run abm-tier score for the message.',
    other: '{count} rows could not be scored; run abm-tier score for the messages.',
  },
  'cli.duplicateHeader': 'Columns {columns} have the same header "{header}": only column {column} is read; rename the others if they should count.',
  'cli.duplicateHeaders': 'Columns {columns} have the same header "{header}": rename them so that messages and drivers tell them apart.',
  'cli.longRow':
    '{row} has {count} fields, the header {fields}: the extra fields are not read (a CSV written back keeps them, under blank header cells before the ABM Tier columns).',
  'cli.shortRow': '{row} has {count} fields, the header {fields}: the missing fields are read as empty.',
  'cli.moreRows': '…and {count} more rows whose fields do not match the header.',
  'cli.moreDuplicates': '…and {count} more accounts that appear on several rows.',
  'cli.unknownName': '{option} names "{name}", which is neither a role nor a column of the file: it is not used.',
  'cli.orderLines': 'Make one row per account first: abm-tier accounts {file} --out accounts.csv, then abm-tier score accounts.csv.',
} as const;

export type CliKey = keyof typeof en;

const CLI_CATALOGUES: Record<Lang, Record<CliKey, Entry>> = {
  en,
  th: {
    'cli.summaryTitle': 'สรุป ABM Tier ของ {file}: ให้คะแนน {count} บัญชี (วิธี {method})',
    'cli.noData': 'ไม่มีข้อมูล',
    'cli.bestSegment': 'กลุ่มที่ทำกำไรมากที่สุด: {segment} ({profit} ของกำไร จาก {accounts} ของบัญชี)',
    'cli.problems': '{count} แถวให้คะแนนไม่ได้ เรียก abm-tier score เพื่อดูข้อความ',
    'cli.duplicateHeader': 'คอลัมน์ {columns} มีหัวคอลัมน์เดียวกัน "{header}": อ่านเฉพาะคอลัมน์ {column} เปลี่ยนชื่อคอลัมน์อื่นหากต้องการให้นับ',
    'cli.duplicateHeaders': 'คอลัมน์ {columns} มีหัวคอลัมน์เดียวกัน "{header}": เปลี่ยนชื่อเพื่อให้ข้อความและปัจจัยแยกคอลัมน์ได้',
    'cli.longRow': '{row} มี {count} ช่อง แต่หัวตารางมี {fields}: ช่องที่เกินไม่ถูกอ่าน (CSV ที่เขียนกลับยังเก็บไว้ใต้หัวคอลัมน์ว่างก่อนคอลัมน์ของ ABM Tier)',
    'cli.shortRow': '{row} มี {count} ช่อง แต่หัวตารางมี {fields}: ช่องที่ขาดถือว่าว่าง',
    'cli.moreRows': '…และอีก {count} แถวที่จำนวนช่องไม่ตรงกับหัวตาราง',
    'cli.moreDuplicates': '…และอีก {count} บัญชีที่อยู่หลายแถว',
    'cli.unknownName': '{option} ระบุ "{name}" ซึ่งไม่ใช่บทบาทหรือคอลัมน์ของไฟล์: จึงไม่ถูกใช้',
    'cli.orderLines': 'สร้างหนึ่งแถวต่อหนึ่งบัญชีก่อน: abm-tier accounts {file} --out accounts.csv แล้วจึง abm-tier score accounts.csv',
  },
  'zh-CN': {
    'cli.summaryTitle': '{file} 的 ABM Tier 摘要：已评分 {count} 个客户（方法：{method}）。',
    'cli.noData': '无数据',
    'cli.bestSegment': '利润最高的分群：{segment}（以 {accounts} 的客户贡献 {profit} 的利润）。',
    'cli.problems': '{count} 行无法评分；运行 abm-tier score 查看原因。',
    'cli.duplicateHeader': '第 {columns} 列的表头相同（“{header}”）：只读取第 {column} 列；如其他列也应计入，请重命名。',
    'cli.duplicateHeaders': '第 {columns} 列的表头相同（“{header}”）：请重命名，以便消息和驱动因素区分它们。',
    'cli.longRow': '{row} 有 {count} 个字段，表头有 {fields} 个：多出的字段不读取（写回的 CSV 会保留它们，放在 ABM Tier 各列之前的空白表头下）。',
    'cli.shortRow': '{row} 有 {count} 个字段，表头有 {fields} 个：缺少的字段按空值读取。',
    'cli.moreRows': '……另有 {count} 行的字段数与表头不符。',
    'cli.moreDuplicates': '……另有 {count} 个客户出现在多行。',
    'cli.unknownName': '{option} 指定的“{name}”既不是角色也不是文件中的列：未使用。',
    'cli.orderLines': '请先为每个客户生成一行：abm-tier accounts {file} --out accounts.csv，然后运行 abm-tier score accounts.csv。',
  },
  hy: {
    'cli.summaryTitle': 'ABM Tier-ի ամփոփում՝ {file}․ գնահատվել է {count} հաճախորդ (մեթոդ՝ {method})։',
    'cli.noData': 'տվյալ չկա',
    'cli.bestSegment': 'Ամենաշատ շահույթ բերող հատվածը՝ {segment} (շահույթի {profit}-ը հաճախորդների {accounts}-ից)։',
    'cli.problems': '{count} տող հնարավոր չեղավ գնահատել․ հաղորդագրությունների համար գործարկեք abm-tier score։',
    'cli.duplicateHeader':
      '{columns} սյունակներն ունեն նույն վերնագիրը՝ «{header}»․ կարդացվում է միայն {column} սյունակը, վերանվանեք մյուսները, եթե դրանք էլ պետք է հաշվվեն։',
    'cli.duplicateHeaders': '{columns} սյունակներն ունեն նույն վերնագիրը՝ «{header}»․ վերանվանեք դրանք, որ հաղորդագրություններն ու գործոնները տարբերեն դրանք։',
    'cli.longRow':
      '{row}-ն ունի {count} դաշտ, վերնագիրը՝ {fields}․ ավելորդ դաշտերը չեն կարդացվում (հետ գրված CSV-ն պահում է դրանք ABM Tier-ի սյունակներից առաջ՝ դատարկ վերնագրերի տակ)։',
    'cli.shortRow': '{row}-ն ունի {count} դաշտ, վերնագիրը՝ {fields}․ պակասող դաշտերը կարդացվում են որպես դատարկ։',
    'cli.moreRows': '…և ևս {count} տող, որոնց դաշտերը չեն համապատասխանում վերնագրին։',
    'cli.moreDuplicates': '…և ևս {count} հաճախորդ, որոնք կան մի քանի տողում։',
    'cli.unknownName': '{option}-ը նշում է «{name}», որը ոչ դեր է, ոչ էլ ֆայլի սյունակ․ այն չի օգտագործվում։',
    'cli.orderLines': 'Նախ ստացեք մեկ տող յուրաքանչյուր հաճախորդի համար՝ abm-tier accounts {file} --out accounts.csv, ապա abm-tier score accounts.csv։',
  },
};

export type CliTranslate = (key: MessageKey | CliKey, params?: Record<string, string | number>) => string;

/** Words of the command line and of the shared catalogues, in one language. */
export function cliTranslator(lang: Lang): CliTranslate {
  return (key, params = {}) => {
    if (!(key in en)) return t(lang, key as MessageKey, params);
    return fill(textOf(lang, CLI_CATALOGUES[lang][key as CliKey], params.count), params);
  };
}
