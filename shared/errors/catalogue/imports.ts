/** Refusals of imports: reading files, laying out their rows, batches and their undo. */
import type { Entry } from './entry'

export const imports = {
  importBatchNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有编号为 {id} 的导入批次', en: 'no import batch #{id}' }
} as const satisfies Record<string, Entry>
