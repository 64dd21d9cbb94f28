/** The demo shop as the files a shop would export: the product list, the counter's sales, the online orders and the member list. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_PRODUCTS, planSales } from './sales-plan'
import { counterSalesCsv } from './files/counter-sales'
import { onlineOrdersXlsx } from './files/online-orders'
import { onlineReports } from './files/online-parts'
import { memberListXlsx } from './files/member-list'
import { productListXlsx } from './files/product-list'
import { planMembers } from './members-plan'
import type { ImportKind } from '../../../shared/schemas/imports'

export const DEMO_SHOP_NAME = '常青母婴店'

export interface DemoFile {
  name: string
  bytes: Buffer
  kind: ImportKind
}

export interface DemoFiles {
  from: string
  to: string
  files: DemoFile[]
}

export async function buildDemoFiles(customers: number, seed: number, asOf: string): Promise<DemoFiles> {
  const plan = planSales(customers, seed, asOf)
  const exportedAt = `${asOf}T08:00:00`
  const reports = onlineReports(plan.online)
  const online: DemoFile[] = []
  for (const [i, lines] of reports.entries()) {
    const name = reports.length === 1 ? '天猫订单报表.xlsx' : `天猫订单报表-${i + 1}.xlsx`
    online.push({ name, kind: 'sales', bytes: await onlineOrdersXlsx(lines) })
  }
  return {
    from: plan.from,
    to: plan.to,
    files: [
      // first, so every sold line finds its category (the online orders carry none)
      { name: '商品资料.xlsx', kind: 'products', bytes: await productListXlsx(DEMO_PRODUCTS) },
      { name: '门店销售明细.csv', kind: 'sales', bytes: counterSalesCsv(plan.store, DEMO_SHOP_NAME, exportedAt) },
      ...online,
      // after the sales, so every member row finds its customer by card or phone
      { name: '会员资料.xlsx', kind: 'members', bytes: await memberListXlsx(planMembers(plan, seed)) }
    ]
  }
}

/** Write the files into a folder; returns their paths. */
export function writeDemoFiles(folder: string, files: readonly DemoFile[]): string[] {
  return files.map((f) => {
    const path = join(folder, f.name)
    writeFileSync(path, f.bytes)
    return path
  })
}
