/** A setting the schema refuses is named in the reader's language; the lifecycle order has its own sentence. */
import { describe, expect, it } from 'vitest'
import { testContext } from '../../helpers/db'
import { readSettings, updateSettings } from '../../../electron/services/settings/settings-service'
import { formatError } from '../../../shared/errors/messages'

function refusal(run: () => unknown): unknown {
  try {
    run()
  } catch (e) {
    return e
  }
  throw new Error('expected a refusal')
}

describe('a refused setting', () => {
  it('names lifecycle thresholds out of order in Chinese and English and keeps the stored ones', () => {
    const { db } = testContext()
    const e = refusal(() => updateSettings(db, { lifecycle: { active: 60, silent: 30, sleeping: 90, drifting: 180 } }))
    expect(e).toMatchObject({ code: 'BAD_INPUT', key: 'lifecycleOutOfOrder', params: {} })
    expect(formatError('lifecycleOutOfOrder', {}, 'zh-CN')).toBe('生命周期阈值必须逐级递增（活跃期 < 沉默期 < 睡眠期 < 流失预警）')
    expect(readSettings(db).lifecycle.active).not.toBe(60)
  })

  it('names the setting whose value is out of range', () => {
    const { db } = testContext()
    const e = refusal(() => updateSettings(db, { backupKeep: 0 })) as { params: { field: string; reason: string } }
    expect(e).toMatchObject({ code: 'BAD_INPUT', key: 'settingInvalid', params: { field: 'backupKeep' } })
    expect(formatError('settingInvalid', e.params, 'zh-CN')).toBe(`设置项 backupKeep 的值不对：${e.params.reason}`)
    expect(formatError('settingInvalid', e.params, 'en')).toBe(`the setting backupKeep is not valid: ${e.params.reason}`)
  })
})
