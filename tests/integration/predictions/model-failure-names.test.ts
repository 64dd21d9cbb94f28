/**
 * A model that cannot be fitted says so under its own name: MBG/NBD is MBG/CNBD-k's fit held
 * at k = 1, and its refusal used to name MBG/CNBD-k, so the page's comparison table told staff
 * 「MBG/NBD 没有结果：MBG/CNBD-k 数据太少…」. The 800-customer demo (seed 7) fitted to 2026-05-25
 * is a shop where both MBG models run off to extremes.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { copyOfDemoShop } from '../../helpers/imported-shops'
import { fitClv } from '../../../electron/services/predictions/clv-service'
import type { ClvFit } from '../../../shared/schemas/predictions'

let fit: ClvFit

beforeAll(async () => {
  const db = openNodeDatabase(await copyOfDemoShop(800, 7))
  fit = fitClv(db, { calibrationEnd: '2026-05-25', holdoutEnd: '2026-11-23', unit: 'week', paretoNbd: false })
  db.close()
}, 300_000)

describe('a model that cannot be fitted', () => {
  it('names MBG/NBD, not MBG/CNBD-k, and only once, when MBG/NBD runs off to extremes', () => {
    expect(fit.modelErrors.mbgnbd).toEqual({
      zh: 'MBG/NBD 的参数无法确定：购买记录太少，或顾客之间太相像；其他模型照常给出结果',
      en: 'The parameters of MBG/NBD cannot be pinned down: too few purchases, or customers too alike; the other models still do'
    })
  })

  it('keeps MBG/CNBD-k its own name, and the models that fit still answer', () => {
    expect(fit.modelErrors.mbgcnbd?.zh).toBe('MBG/CNBD-k 的参数无法确定：购买记录太少，或顾客之间太相像；其他模型照常给出结果')
    expect(fit.bgnbd).not.toBeNull()
    expect(fit.bgcnbd).not.toBeNull()
    expect(fit.chosen).toBe('bgcnbd')
  })
})
