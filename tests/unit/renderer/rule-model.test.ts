import { describe, expect, it } from 'vitest'
import { ruleFieldNames } from '../../../shared/schemas/segments'
import { fromRule, newGroup, newLeaf, toRule } from '../../../renderer/src/components/segments/rule-model'
import { mergeMessageFiles } from '../../../renderer/src/i18n'

type Tree = { [key: string]: string | Tree }
const files = import.meta.glob<{ default: Record<string, Tree> }>('../../../renderer/src/i18n/messages/*.ts', { eager: true })
const messages = mergeMessageFiles(Object.values(files))

describe('the segment rule editor', () => {
  it.each(['zh-CN', 'en'] as const)('names every rule field in %s (no raw key in the field list)', (locale) => {
    const fields = (messages[locale].segments as Tree).fields as Tree
    expect(ruleFieldNames.filter((f) => typeof fields[f] !== 'string')).toEqual([])
  })

  it('takes the stored value in yuan, as the spend, and stores it in fen', () => {
    const g = newGroup()
    const leaf = newLeaf('storedValueFen')
    leaf.op = '>='
    leaf.value = '388.5'
    g.children.push(leaf)
    const rule = toRule(g)
    expect(rule).toEqual({ all: [{ field: 'storedValueFen', op: '>=', value: 38_850 }] })
    const back = fromRule(rule).children[0]
    expect(back.kind === 'leaf' && back.value).toBe('388.5')
  })
})
