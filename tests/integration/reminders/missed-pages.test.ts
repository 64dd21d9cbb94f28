/**
 * The call-list page asks for the missed rows a page at a time (reminders.calls `missed`); the
 * CLI asks for them whole. On the imported demo shop the pages, read one after another, must be
 * the whole list in its order, with the count of all of them beside every page.
 */
import { describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { callList } from '../../../electron/services/reminders/call-list'
import { copyOfDemoShop, DEMO_AS_OF } from '../../helpers/imported-shops'

describe("the call list's missed pages", () => {
  it('reads the whole missed list, in order, as pages of 20 on the 400-customer demo shop', async () => {
    const db = openNodeDatabase(await copyOfDemoShop(400, 7, DEMO_AS_OF))
    try {
      const whole = callList(db, DEMO_AS_OF)
      expect(whole.missed.length).toBe(whole.missedTotal)
      expect(whole.missedTotal).toBe(72)
      const read: typeof whole.missed = []
      for (let offset = 0; offset < whole.missedTotal + 20; offset += 20) {
        const page = callList(db, DEMO_AS_OF, { missed: { offset, limit: 20 } })
        expect(page.missedTotal).toBe(whole.missedTotal)
        expect(page.missed.length).toBe(Math.max(0, Math.min(20, whole.missedTotal - offset)))
        // the rest of the answer does not depend on the page asked for
        expect({ ...page, missed: [] }).toEqual({ ...whole, missed: [] })
        read.push(...page.missed)
      }
      expect(read).toEqual(whole.missed)
    } finally {
      db.close()
    }
  })
})
