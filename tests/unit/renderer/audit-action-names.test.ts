/** The audit log page names every action the audit specs can write, in Chinese and in English. */
import { describe, expect, it } from 'vitest'
import { auditActions } from '../../../shared/audit-specs'
import { mergeMessageFiles } from '../../../renderer/src/i18n'
import backupsMessages from '../../../renderer/src/i18n/messages/backups'
import lockMessages from '../../../renderer/src/i18n/messages/lock'

describe('the audit log page', () => {
  it('names every action in Chinese and English', () => {
    const messages = mergeMessageFiles([{ default: backupsMessages }, { default: lockMessages }] as never)
    for (const locale of ['zh-CN', 'en'] as const) {
      const names = (messages[locale].backups as { actions: Record<string, string> }).actions
      expect(
        auditActions.filter((a) => !names[a]),
        locale
      ).toEqual([])
    }
  })
})
