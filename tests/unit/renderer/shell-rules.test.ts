import { describe, expect, it } from 'vitest'
import { sectionPathForKey } from '../../../renderer/src/components/shell/shortcuts'
import { checkThresholds } from '../../../renderer/src/components/settings/threshold-rules'
import { contentSecurityPolicy } from '../../../shared/security'
import indexHtml from '../../../renderer/index.html?raw'
import { keyEvent, type Modifiers } from './key-event'

const key = (code: string, mods: Modifiers = { altKey: true }) => keyEvent(code, mods)

describe('sectionPathForKey', () => {
  it.each([
    ['Digit1', '/'],
    ['Digit2', '/calls'],
    ['Digit3', '/customers'],
    ['Digit4', '/segments'],
    ['Digit5', '/campaigns'],
    ['Digit6', '/cards'],
    ['Digit7', '/import'],
    ['Digit8', '/predictions'],
    ['Digit9', '/settings'],
    ['Numpad7', '/import']
  ])('sends Alt+%s to %s', (code, path) => {
    expect(sectionPathForKey(key(code))).toBe(path)
  })

  it('ignores digits without Alt, with other modifiers, and beyond the ninth section', () => {
    expect(sectionPathForKey(key('Digit1', {}))).toBeNull()
    expect(sectionPathForKey(key('Digit1', { altKey: true, ctrlKey: true }))).toBeNull()
    expect(sectionPathForKey(key('Digit1', { altKey: true, shiftKey: true }))).toBeNull()
    expect(sectionPathForKey(key('Digit0'))).toBeNull()
    expect(sectionPathForKey(key('KeyA'))).toBeNull()
  })
})

describe('checkThresholds', () => {
  it('accepts the defaults', () => {
    expect(checkThresholds({ active: 90, silent: 180, sleeping: 270, drifting: 359 })).toEqual({})
  })

  it('names the stage that does not end after the one before, with that one’s last day', () => {
    expect(checkThresholds({ active: 90, silent: 90, sleeping: 270, drifting: 200 })).toEqual({
      silent: { kind: 'increase', prev: 90 },
      drifting: { kind: 'increase', prev: 270 }
    })
  })

  it('refuses empty, fractional, zero and negative days as typed in the form', () => {
    expect(checkThresholds({ active: '', silent: '12.5', sleeping: 0, drifting: -3 })).toEqual({
      active: { kind: 'whole' },
      silent: { kind: 'whole' },
      sleeping: { kind: 'whole' },
      drifting: { kind: 'whole' }
    })
  })

  it('reads numbers typed as text', () => {
    expect(checkThresholds({ active: '30', silent: '60', sleeping: '90', drifting: '120' })).toEqual({})
  })
})

describe('renderer/index.html', () => {
  it('carries the same Content-Security-Policy as shared/security.ts (file:// pages get no headers)', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)
    expect(meta?.[1]).toBe(contentSecurityPolicy)
  })
})
