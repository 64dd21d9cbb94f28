/** Refusals of imports: reading files, laying out their rows, jobs, batches and their undo. */
import type { Entry } from './entry'

export const imports = {
  importBatchNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有编号为 {id} 的导入批次', en: 'no import batch #{id}' },
  batchAlreadyUndone: { code: 'CONFLICT', 'zh-CN': '批次 {id} 已于 {at} 撤销', en: 'batch {id} was already undone on {at}' },
  importJobNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这个导入任务：{id}', en: 'no import job {id}' },
  importUnfinished: { code: 'INTERNAL', 'zh-CN': '导入没有完成（{state}）', en: 'the import did not finish ({state})' },
  importCancelled: { code: 'CANCELLED', 'zh-CN': '导入已取消，数据库没有任何改动', en: 'the import was cancelled; nothing was written' },
  importOutOfMemory: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '文件太大，导入时内存不够，数据库没有任何改动。请按月份分开导出后再导入',
    en: 'the import ran out of memory and wrote nothing: export fewer months at a time'
  },
  importWorkerExited: { code: 'INTERNAL', 'zh-CN': '导入进程意外退出（退出码 {exitCode}）', en: 'the import process exited unexpectedly (code {exitCode})' },
  fileEmpty: { code: 'UNREADABLE_FILE', 'zh-CN': '文件是空的', en: 'the file is empty' },
  fileHoldsNoData: { code: 'UNREADABLE_FILE', 'zh-CN': '文件里没有数据', en: 'the file holds no data' },
  fileChangedWhileRead: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '导入过程中文件被修改了，请重新导入',
    en: 'the file changed while it was being read: import it again'
  },
  fileLooksBinary: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '这不是可读的表格文件（内容像二进制数据）。请导出为 CSV 或 xlsx',
    en: 'not a readable table: the content looks binary; export it as CSV or xlsx'
  },
  fileTooLarge: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '文件超过 {mb} MB，请按月份分开导出',
    en: 'the file is larger than {mb} MB: export it month by month'
  },
  tooManyColumns: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '文件有 {columns} 列，超过上限 {max} 列，不像销售导出',
    en: 'the file has {columns} columns, more than {max}: it does not look like a sales export'
  },
  cellTooLong: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '第 {row} 行有一个超过 {max} 字符的单元格，不像销售导出',
    en: 'row {row} has a cell longer than {max} characters: it does not look like a sales export'
  },
  rowTooLong: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '有一行超过 {millions}M 个字符，多半是引号没有闭合，不像销售导出',
    en: 'a row is longer than {millions}M characters: most likely an unterminated quote'
  },
  unterminatedQuote: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '第 {row} 行的引号没有闭合，文件可能被截断或损坏',
    en: 'row {row} has an unterminated quote: the file looks cut short or damaged'
  },
  sheetRowPastExcel: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '工作表的行号 {row} 超过 Excel 的上限 {max} 行，文件已损坏',
    en: 'the row number {row} is past Excel’s last row {max}: the workbook is damaged'
  },
  tooManyCells: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '工作簿共有 {cells} 个单元格，超过上限 {max} 个，请另存为 CSV 后导入',
    en: 'the workbook holds {cells} cells, more than {max}: save it as CSV and import that'
  },
  workbookUnpacksTooLarge: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '工作簿解压后超过 {mb} MB，请另存为 CSV 后导入',
    en: 'the workbook unpacks to more than {mb} MB: save it as CSV and import that'
  },
  workbookPasswordProtected: {
    code: 'PASSWORD_PROTECTED',
    'zh-CN': '工作簿设置了打开密码，请在 Excel 或 WPS 中取消密码后另存再导入',
    en: 'the workbook is password-protected: remove the password in Excel or WPS, save it again and import that'
  },
  xlsxDamaged: {
    code: 'UNREADABLE_FILE',
    'zh-CN': 'xlsx 文件已损坏或不完整，无法读取：{reason}',
    en: 'the xlsx file is damaged or incomplete: {reason}'
  },
  workbookDamaged: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '表格文件已损坏或不完整，无法读取：{reason}',
    en: 'the workbook is damaged or incomplete: {reason}'
  },
  sheetNotFound: {
    code: 'BAD_INPUT',
    'zh-CN': '工作簿中没有名为「{sheet}」的工作表；有：{sheets}',
    en: 'the workbook has no sheet named {sheet}; it has {sheets}'
  },
  gzipUnpacksTooLarge: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '压缩文件解开后超过 {mb} MB，请按月份分开导出',
    en: 'the gzipped file unpacks to more than {mb} MB: export it month by month'
  },
  gzipDamaged: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '压缩文件 (.gz) 已损坏或不完整，无法解开；请重新下载或导出',
    en: 'the .gz file is damaged or cut short: download or export it again'
  },
  gzippedTwice: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '文件被压缩了两次（.gz 里还是 .gz），请先解开一层',
    en: 'the file is gzipped twice: unpack one layer first'
  },
  headerRowMissing: { code: 'BAD_INPUT', 'zh-CN': '第 {row} 行不存在', en: 'there is no row {row}' },
  columnNotFound: { code: 'BAD_INPUT', 'zh-CN': '找不到列“{header}”', en: 'no column named {header}' },
  noDateColumn: {
    code: 'BAD_INPUT',
    'zh-CN': '没有找到日期/时间列，请在预览中指定',
    en: 'no date column was found: map one in the preview'
  },
  noAmountColumn: {
    code: 'BAD_INPUT',
    'zh-CN': '没有找到金额或单价列，请在预览中指定',
    en: 'no amount or unit price column was found: map one in the preview'
  }
} as const satisfies Record<string, Entry>
