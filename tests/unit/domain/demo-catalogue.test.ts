/**
 * The demo's data files carry only what the demo reads. Its product list is product-list.json
 * (no days per unit: the demo's replenishments follow the category defaults and then the
 * shop's own buyers); the old catalogue's products with their days per unit (8 days a can of
 * stage-1 formula) were read by nothing once the demo became a shop's files.
 */
import { describe, expect, it } from 'vitest'
import catalogue from '../../../resources/demo/catalogue.json'
import productList from '../../../resources/demo/product-list.json'

describe('the demo shop’s data files', () => {
  it('keep the people and places in the catalogue and no second product list', () => {
    expect(Object.keys(catalogue).sort()).toEqual(['givenNames', 'note', 'payments', 'places', 'stores', 'streets', 'tags'])
    expect(JSON.stringify(catalogue)).not.toContain('daysPerUnit')
  })
  it('give the product list no days per unit, so nothing in the demo is set against the shop’s evidence', () => {
    expect(productList.products.length).toBeGreaterThan(0)
    expect(productList.products.filter((p) => 'daysPerUnit' in p)).toEqual([])
  })
})
