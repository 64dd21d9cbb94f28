/**
 * Refusals of the command line: its arguments and flags. Flag names, usage lines and choices
 * are parameters — they are typed as written in either language.
 */
import type { Entry } from './entry'

export const cli = {
  cliBadArguments: { code: 'BAD_INPUT', 'zh-CN': '命令行参数有误：{reason}', en: 'bad arguments: {reason}' },
  cliUnknownSubcommand: { code: 'BAD_INPUT', 'zh-CN': '未知的子命令：{sub}；可用：{choices}', en: 'unknown subcommand: {sub}; use {choices}' },
  cliMissingArgument: { code: 'BAD_INPUT', 'zh-CN': '缺少参数，用法：{usage}', en: 'a missing argument; usage: {usage}' },
  cliFlagNeedsValue: { code: 'BAD_INPUT', 'zh-CN': '--{flag} 需要一个值', en: '--{flag} needs a value' },
  cliFlagNeedsInteger: { code: 'BAD_INPUT', 'zh-CN': '--{flag} 需要整数，这里是 {value}', en: '--{flag} needs a whole number, got {value}' },
  cliFlagNeedsNumber: { code: 'BAD_INPUT', 'zh-CN': '--{flag} 需要数字，这里是 {value}', en: '--{flag} needs a number, got {value}' },
  cliFlagNeedsDate: { code: 'BAD_INPUT', 'zh-CN': '--{flag} 应为 YYYY-MM-DD，这里是 {value}', en: '--{flag} must be YYYY-MM-DD, got {value}' },
  cliFlagChoice: { code: 'BAD_INPUT', 'zh-CN': '--{flag} 只能是 {choices}，这里是 {value}', en: '--{flag} must be one of {choices}, got {value}' },
  cliFlagNotJson: { code: 'BAD_INPUT', 'zh-CN': '--{flag} 不是有效的 JSON：{reason}', en: '--{flag} is not valid JSON: {reason}' },
  /** what: the flags or argument a command needs, as typed (`--out FILE.html`) */
  cliNeeds: { code: 'BAD_INPUT', 'zh-CN': '{command} 需要 {what}', en: '{command} needs {what}' },
  cliFilesNeeded: { code: 'BAD_INPUT', 'zh-CN': '请给出要导入的文件', en: 'name at least one FILE to import' },
  cliBatchIdNeeded: { code: 'BAD_INPUT', 'zh-CN': '请给出批次编号，这里是 {value}', en: 'a BATCH_ID is needed, got {value}' },
  cliCampaignIdNeeded: { code: 'BAD_INPUT', 'zh-CN': '需要活动编号，例如 campaign results 3', en: 'a campaign ID is needed, e.g. campaign results 3' },
  cliCampaignTarget: {
    code: 'BAD_INPUT',
    'zh-CN': '请只指定一个对象：--segment 分组名，或 --suggestion {choices}',
    en: 'name one target: --segment NAME or --suggestion {choices}'
  },
  cliGiftFlag: { code: 'BAD_INPUT', 'zh-CN': '--gift 应为 SKU:成本分[:库存]，这里是 {value}', en: '--gift must be SKU:COST_FEN[:STOCK], got {value}' }
} as const satisfies Record<string, Entry>
