/** Refusals of printing: templates, sheets, print jobs and card codes. */
import type { Entry } from './entry'

export const printing = {
  templateNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这个模板：#{id}', en: 'no template #{id}' },
  duplicateBlockId: { code: 'BAD_INPUT', 'zh-CN': '块编号重复：{id}', en: 'the block id {id} is used twice' },
  duplicateVariantId: { code: 'BAD_INPUT', 'zh-CN': '变体编号重复：{id}', en: 'the variant id {id} is used twice' },
  builtInTemplateUndeletable: {
    code: 'CONFLICT',
    'zh-CN': '内置模板不能删除，可以复制后修改',
    en: 'built-in templates cannot be deleted; copy one and change the copy'
  },
  // a sheet that cannot be printed as described (shared/domain/sheets.ts)
  sheetPageSizeNotPositive: { code: 'BAD_INPUT', 'zh-CN': '纸张尺寸必须为正', en: 'the page size must be positive' },
  sheetCellSizeNotPositive: { code: 'BAD_INPUT', 'zh-CN': '标签尺寸必须为正', en: 'the label size must be positive' },
  sheetGridNotWhole: { code: 'BAD_INPUT', 'zh-CN': '行列数必须是正整数', en: 'rows and columns must be positive whole numbers' },
  sheetOverlapsAcross: {
    code: 'BAD_INPUT',
    'zh-CN': '横向间距小于标签宽度，标签会重叠',
    en: 'the horizontal pitch is smaller than the label: labels overlap'
  },
  sheetOverlapsDown: {
    code: 'BAD_INPUT',
    'zh-CN': '纵向间距小于标签高度，标签会重叠',
    en: 'the vertical pitch is smaller than the label: labels overlap'
  },
  sheetNegativeMargin: { code: 'BAD_INPUT', 'zh-CN': '边距不能为负', en: 'margins cannot be negative' },
  sheetOffRight: { code: 'BAD_INPUT', 'zh-CN': '标签超出纸张右边 {mm} mm', en: 'the labels run {mm} mm off the right edge' },
  sheetOffBottom: { code: 'BAD_INPUT', 'zh-CN': '标签超出纸张下边 {mm} mm', en: 'the labels run {mm} mm off the bottom edge' },
  startLabelOutOfRange: { code: 'BAD_INPUT', 'zh-CN': '起始标签应在 1–{perSheet} 之间', en: 'the start label must be 1–{perSheet}' },
  uniqueCodeFailed: { code: 'INTERNAL', 'zh-CN': '无法生成不重复的券码', en: 'could not draw a code that is not already used' },
  printTargetChanged: {
    code: 'CONFLICT',
    'zh-CN': '打印期间有客户被删除或合并，没有保存券码，请重新打印',
    en: 'customers on this run were erased or merged while it was being built: no codes were stored, please print again'
  },
  codeInvalid: { code: 'BAD_INPUT', 'zh-CN': '券码无效，请核对：{code}', en: 'not a valid code, please check it: {code}' },
  codeNeverPrinted: { code: 'NOT_FOUND', 'zh-CN': '没有印过这个券码：{code}', en: 'no card was printed with the code {code}' },
  noPrinterHere: {
    code: 'FORBIDDEN',
    'zh-CN': '此环境不能直接打印，请打开可打印页面后用浏览器打印',
    en: 'there is no printer here: open the printable page and print it from the browser'
  }
} as const satisfies Record<string, Entry>
