/**
 * Removing the demo shop backs the database up first, so the backup list on the settings page
 * (beside the demo banner there) must show that new backup without leaving the page.
 * The server here is a script: its backup list grows when the demo is removed.
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
      remove: vi.fn(async () => {
        backups.unshift(backup('evergreen-20261123-demo.db', 'before-demo-remove'))
        return ok({ removed: 3 })
      })
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
    expect(api.demo.remove).toHaveBeenCalledOnce()
    expect(backups.backups.map((b) => b.name)).toEqual(['evergreen-20261123-demo.db', 'evergreen-20261122.db'])
    expect(backups.auditTotal).toBe(1)
    expect(useOverviewStore().demoStatus).toEqual({ loaded: false, batches: [] })
  })
})
