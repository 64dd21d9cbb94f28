import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { readSettings } from '../../services/settings/settings-service'
import { customerFacets, listCustomers, type ListOptions } from '../../services/customers/list-service'
import { deleteView, listViews, saveView } from '../../services/customers/views-service'
import { getCustomer } from '../../services/customers/detail-service'
import { addContact } from '../../services/customers/contact-service'
import { undoLastChange, updateCustomer } from '../../services/customers/edit-service'
import { findDuplicates } from '../../services/customers/duplicates-service'
import { mergeCustomersBackedUp, undoMerge } from '../../services/customers/merge-service'
import { eraseCustomer } from '../../services/customers/erase-service'
import { exportCustomers } from '../../services/customers/export-service'
import { findCustomerByRef } from '../../services/customers/find-by-ref'
import { backupFolder } from '../../services/backups/online-backup'

export function customersHandlers(ctx: AppContext): HandlerGroup<'customers'> {
  const options = (): ListOptions => {
    const s = readSettings(ctx.db)
    return { asOf: ctx.today(), thresholds: s.lifecycle, maskPhones: s.maskPhones, stages: { tiers: s.tiers, core: s.core } }
  }
  const edit = () => ({ at: ctx.today(), staff: readSettings(ctx.db).staffName })
  return {
    'customers.list': (input) => listCustomers(ctx.db, input, options()),
    'customers.facets': () => customerFacets(ctx.db),
    'customers.findByRef': ({ ref }) => {
      const m = findCustomerByRef(ctx.db, ref)
      return m ? { id: m.customerId, kind: m.kind, value: m.value } : null
    },
    'customers.listViews': () => listViews(ctx.db),
    'customers.saveView': ({ name, query }) => saveView(ctx.db, name, query),
    'customers.deleteView': ({ id }) => deleteView(ctx.db, id),
    'customers.get': ({ id }) => getCustomer(ctx.db, id, options()),
    'customers.addContact': ({ id, ...entry }) => addContact(ctx.db, id, entry, ctx.today(), readSettings(ctx.db).staffName),
    'customers.update': ({ id, patch }) => {
      updateCustomer(ctx.db, id, patch, edit())
      return getCustomer(ctx.db, id, options())
    },
    'customers.undoLastChange': ({ id }) => {
      undoLastChange(ctx.db, id, edit())
      return getCustomer(ctx.db, id, options())
    },
    'customers.duplicates': ({ limit }) => findDuplicates(ctx.db, limit),
    'customers.merge': ({ keepId, mergeId }) =>
      mergeCustomersBackedUp(ctx.db, { folder: backupFolder(ctx.db, ctx.dbPath), at: ctx.now() }, keepId, mergeId, ctx.today()),
    'customers.undoMerge': ({ mergeId }) => undoMerge(ctx.db, mergeId, ctx.today()),
    'customers.erase': ({ id }) => eraseCustomer(ctx.db, id, ctx.today()),
    'customers.export': (input) => exportCustomers(ctx.db, input, options())
  }
}
