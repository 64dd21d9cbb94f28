/** Refusals of backups, full exports and their checks. */
import type { Entry } from './entry'

export const backups = {
  integrityFailed: { code: 'CONFLICT', 'zh-CN': '{what} 完整性检查未通过：{result}', en: '{what} failed the integrity check: {result}' },
  pathHasNul: { code: 'BAD_INPUT', 'zh-CN': '路径包含非法字符', en: 'the path contains a NUL character' },
  pathEscapes: { code: 'BAD_INPUT', 'zh-CN': '路径不能用 .. 跳出当前文件夹：{path}', en: 'a relative path may not use ..: {path}' },
  systemFolder: { code: 'BAD_INPUT', 'zh-CN': '不能使用系统文件夹：{path}', en: 'system folders are off limits: {path}' },
  wrongFileType: { code: 'BAD_INPUT', 'zh-CN': '文件类型应为 {extensions}：{path}', en: 'expected a {extensions} file: {path}' },
  fileNotFound: { code: 'NOT_FOUND', 'zh-CN': '找不到文件：{path}', en: 'file not found: {path}' },
  notAZip: { code: 'UNREADABLE_FILE', 'zh-CN': '不是有效的 zip 文件', en: 'not a readable zip file' },
  zipWithoutManifest: { code: 'UNREADABLE_FILE', 'zh-CN': 'zip 中没有 manifest.json', en: 'the zip holds no manifest.json' },
  manifestNotJson: { code: 'UNREADABLE_FILE', 'zh-CN': 'manifest.json 无法读取', en: 'manifest.json is not JSON' },
  notAFullExport: { code: 'UNREADABLE_FILE', 'zh-CN': '不是常青的完整导出', en: 'not an Evergreen full export' },
  exportTooNew: {
    code: 'DB_TOO_NEW',
    'zh-CN': '导出来自更新版本的常青（结构版本 {found} > {supported}）',
    en: 'the export comes from a newer Evergreen (schema {found} > {supported})'
  },
  importAllNeedsEmpty: { code: 'CONFLICT', 'zh-CN': '只能导入到空数据库', en: 'a full export can only be read into an empty database' },
  exportUnknownTable: { code: 'UNREADABLE_FILE', 'zh-CN': '未知的表：{table}', en: 'unknown table: {table}' },
  exportMissingFile: { code: 'UNREADABLE_FILE', 'zh-CN': '缺少文件：{file}', en: 'missing file: {file}' },
  exportColumnsDiffer: { code: 'UNREADABLE_FILE', 'zh-CN': '{file}：列名不符', en: '{file}: the columns do not match' },
  exportRowsDiffer: {
    code: 'UNREADABLE_FILE',
    'zh-CN': '{file}：行数不符（应为 {expected} 行，实为 {found} 行）',
    en: '{file}: expected {expected} rows, found {found}'
  },
  figuresDiffer: {
    code: 'CONFLICT',
    'zh-CN': '导入后的数字与导出时不同：{found} 对比 {expected}',
    en: 'the figures differ after import: {found} vs {expected}'
  },
  referencesBroken: {
    code: 'CONFLICT',
    'zh-CN': '{what}中有 {count} 处引用指向不存在的记录（第一处：{table} 第 {rowid} 行指向 {parent}）',
    en: '{what} holds {count} references to missing rows (the first: {table} row {rowid} points into {parent})'
  },
  shopBeingImported: { code: 'CONFLICT', 'zh-CN': '正在导入完整导出，请稍候再试', en: 'a full export is being imported: please try again in a moment' },
  shopBeingRestored: { code: 'CONFLICT', 'zh-CN': '正在恢复备份，请稍候再试', en: 'a backup is being restored: please try again in a moment' },
  backupJobCancelled: { code: 'CANCELLED', 'zh-CN': '已取消：没有留下文件，店里的数据没有改动', en: 'cancelled: no file was left and the shop is unchanged' },
  notAnInteger: { code: 'UNREADABLE_FILE', 'zh-CN': '不是整数：{value}', en: 'not an integer: {value}' },
  notANumber: { code: 'UNREADABLE_FILE', 'zh-CN': '不是数字：{value}', en: 'not a number: {value}' },
  backupFolderNotAbsolute: { code: 'BAD_INPUT', 'zh-CN': '备份文件夹必须是完整路径：{path}', en: 'the backup folder must be an absolute path: {path}' },
  backupNameHasPath: { code: 'BAD_INPUT', 'zh-CN': '备份名称不能包含路径：{file}', en: 'a backup name cannot contain a path: {file}' },
  notABackup: { code: 'NOT_FOUND', 'zh-CN': '不是常青的备份文件：{file}', en: 'not a SQLite backup of Evergreen: {file}' }
} as const satisfies Record<string, Entry>
