import { describe, expect, it } from 'vitest'
import campaigns from '../../../renderer/src/i18n/messages/campaigns'

// The planner speaks to a shop owner first; the statistician's terms come after, smaller.
type Tree = { [key: string]: string | Tree }
function t(key: string, params: Record<string, string | number> = {}, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  let node: string | Tree = campaigns[locale] as Tree
  for (const part of key.split('.')) node = (node as Tree)[part]
  if (typeof node !== 'string') throw new Error(`no message ${key}`)
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]))
}

describe('the campaign planner in words a shop owner reads', () => {
  it('says what a 63-point detectable difference means for the gift, in Chinese and English', () => {
    expect(t('campaigns.wizard.detectable', { pp: 63 })).toBe(
      '按这两组的人数，寄了礼品的人回购率要比没寄的人高出约 63 个百分点，才能确定是礼品起了作用；差得更少，就分不清是礼品还是碰巧。'
    )
    expect(t('campaigns.wizard.detectable', { pp: 63 }, 'en')).toContain('about 63 percentage points higher than those who do not')
  })
  it('keeps the statistical term, but apart from the sentence', () => {
    expect(t('campaigns.wizard.detectable', { pp: 63 })).not.toContain('最小差异')
    expect(t('campaigns.wizard.detectableTerm')).toContain('最小可检出差异')
  })
  it('explains the model ranking without model names, which follow on their own line', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(t('campaigns.wizard.scoring.model', {}, locale)).not.toMatch(/BG\/NBD|Gamma/)
      expect(t('campaigns.wizard.scoring.modelNames', {}, locale)).toMatch(/BG\/NBD.*× Gamma-Gamma/)
    }
    expect(t('campaigns.wizard.scoring.model')).toContain('半年内再来买的可能，乘以他平时一次花多少钱')
  })
})
