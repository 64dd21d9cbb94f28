import { resolve } from 'node:path'
import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'
import { positional } from './flags'

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --db PATH [--json]',
  summary: '立即备份 / make a backup now (online backup API, integrity checked)',
  options: {},
  async run(_args, env) {
    const b = await env.call('backups.create', {})
    return { data: { file: b.file }, human: () => `已备份到 ${b.file}` }
  }
}

export const backupsCommand: Command = {
  name: 'backups',
  usage: 'backups --db PATH [--json]',
  summary: '备份列表 / the backups, newest first, with what each holds',
  options: {},
  async run(_args, env) {
    const { backups } = await env.call('backups.list', {})
    return {
      data: backups,
      human: () =>
        backups.length === 0
          ? '还没有备份 (no backups yet)'
          : backups
              .map(
                (b) =>
                  `${b.at}  ${b.reason.padEnd(14)} ${b.name}  ${b.figures ? `${b.figures.customers} 顾客 · ${b.figures.orders} 订单 · ${formatFen(b.figures.revenueFen)}` : '(无法读取)'}`
              )
              .join('\n')
    }
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE --db PATH [--json]',
  summary: '从备份恢复 / restore a backup (the current state is backed up first)',
  options: {},
  async run(args, env) {
    const file = positional(args, 0, this.usage)
    const r = await env.call('backups.restore', { name: file.includes('/') || file.includes('\\') ? resolve(file) : file })
    return {
      data: { restored: file, safetyBackup: r.safetyBackup.file, figures: r.figures },
      human: () => `已恢复 ${file}；恢复前的数据另存为 ${r.safetyBackup.file}`
    }
  }
}

export const exportAllCommand: Command = {
  name: 'export-all',
  usage: 'export-all FILE.zip --db PATH [--json]',
  summary: '完整导出 / everything as one zip of CSV files plus a manifest',
  options: {},
  async run(args, env) {
    const file = positional(args, 0, this.usage)
    const r = await env.call('backups.exportAll', { path: resolve(file) })
    return { data: { file: r.file, tables: r.tables, rows: r.rows, bytes: r.bytes }, human: () => `已导出 ${r.rows} 行 (${r.tables} 张表) 到 ${r.file}` }
  }
}

export const importAllCommand: Command = {
  name: 'import-all',
  usage: 'import-all FILE.zip --db PATH [--json]',
  summary: '导入完整导出到空数据库 / read a full export into an empty database',
  options: {},
  async run(args, env) {
    const file = positional(args, 0, this.usage)
    const r = await env.call('backups.importAll', { path: resolve(file) })
    return { data: r, human: () => `已导入 ${r.rows} 行 (${r.tables} 张表)；${r.figures.customers} 顾客，${r.figures.orders} 订单` }
  }
}
