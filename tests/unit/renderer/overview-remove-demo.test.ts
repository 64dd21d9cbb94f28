/**
 * Removing the demo shop backs the database up first, so the backup list on the settings page
 * (beside the demo banner there) must show that new backup without leaving the page.
 * The server here is a script: the removal is a job whose progress is asked for until it has
 * finished, and its backup list grows when the demo is removed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useOverviewStore } from '../../../renderer/src/stores/overview'
import { useBackupsStore } from '../../../renderer/src/stores/backups'
import type { BackupInfo } from '../../../shared/schemas/backups'

const backup = (name: string, reason: string): BackupInfo => ({
  name,
  file: `/shop/backups/${name}`,
  at: '2026-11-23T09:00:00',
  reason,
  bytes: 4096,
  figures: null
})
const ok = <T>(data: T) => ({ ok: true as const, data })

function server() {
  const backups = [backup('evergreen-20261122.db', 'daily')]
  const api = {
    backups: { list: vi.fn(async () => ok({ folder: '/shop/backups', backups: [...backups] })) },
    audit: { list: vi.fn(async () => ok({ rows: [], total: backups.length - 1 })) },
    stats: { overview: vi.fn(async () => ok({ customers: 0, orders: 0 })) },
    demo: {
      status: vi.fn(async () => ok({ loaded: backups.length === 1, batches: [] })),
      removeStart: vi.fn(async () => ok({ jobId: 'j1' }))
    },
    jobs: {
      // running on the first ask, removed (and backed up first) on the second
      progress: vi.fn(async ({ jobId }: { jobId: string }) => {
        const first = api.jobs.progress.mock.calls.length === 1
        if (!first) backups.unshift(backup('evergreen-20261123-demo.db', 'before-demo-remove'))
        const result = first ? null : { batchesUndone: [4, 3, 2, 1], customers: 0, orders: 0 }
        const phase = first ? { zh: '已移除示例文件「会员资料.xlsx」（第 1/4 批）', en: 'removed' } : null
        return ok({ jobId, kind: 'demo.remove', state: first ? 'running' : 'done', done: first ? 1 : 4, total: 4, phase, partial: [], result, error: null })
      }),
      cancel: vi.fn(async () => ok({ cancelled: true }))
    }
  }
  vi.stubGlobal('window', { api })
  return api
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('removing the demo shop', () => {
  it('reloads the backup list, so the backup taken before the removal is listed first', async () => {
    const api = server()
    const backups = useBackupsStore()
    await backups.load()
    expect(backups.backups.map((b) => b.name)).toEqual(['evergreen-20261122.db'])
    expect(await useOverviewStore().removeDemo()).toBe(true)
    expect(api.demo.removeStart).toHaveBeenCalledOnce()
    expect(api.jobs.progress).toHaveBeenCalledTimes(2)
    // the bar is gone once the removal has finished
    expect(useOverviewStore().removal).toBeNull()
    expect(backups.backups.map((b) => b.name)).toEqual(['evergreen-20261123-demo.db', 'evergreen-20261122.db'])
    expect(backups.auditTotal).toBe(1)
    expect(useOverviewStore().demoStatus).toEqual({ loaded: false, batches: [] })
  })
})
