/**
 * The customers page: the list query (search, filters, sort), rows fetched page by page as
 * the virtual table scrolls, saved views, facets, and the open customer's file with its edits.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type {
  ContactKind,
  ContactOutcome,
  CustomerDetail,
  CustomerFilters,
  CustomerPatch,
  CustomerQuery,
  CustomerRow,
  DuplicatePair,
  SavedView
} from '@shared/schemas/customers'
import { useCall } from './call'

export const PAGE = 100

type SortField = NonNullable<CustomerQuery['sort']>['field']
type Facets = { tags: { tag: string; count: number }[]; regions: { province: string; city: string | null; count: number }[] }

function emptyFilters(): CustomerFilters {
  return { lifecycle: [], tags: [] }
}

export const useCustomersStore = defineStore('customers', () => {
  const search = ref('')
  const filters = reactive<CustomerFilters>(emptyFilters())
  const sort = ref<CustomerQuery['sort']>(undefined)
  const total = ref<number | null>(null)
  /** rows by list position; missing positions are fetched when they scroll into view */
  const rows = ref<(CustomerRow | undefined)[]>([])
  const views = ref<SavedView[]>([])
  const facets = ref<Facets>({ tags: [], regions: [] })
  const detail = ref<CustomerDetail | null>(null)
  const duplicates = ref<DuplicatePair[] | null>(null)
  const listing = useCall()
  const loadingDetail = useCall()
  const saving = useCall({ quiet: true })
  const acting = useCall()
  let generation = 0
  const pending = new Set<number>()

  const query = computed<CustomerQuery>(() => ({
    search: search.value,
    filters: { ...filters, lifecycle: [...filters.lifecycle], tags: [...filters.tags] },
    ...(sort.value ? { sort: sort.value } : {})
  }))

  /** Start the list again from the top for the current query (a search or filter changed). */
  async function reload(): Promise<void> {
    const mine = ++generation
    pending.clear()
    const data = await listing.run(() => window.api.customers.list({ ...query.value, limit: PAGE, offset: 0 }))
    if (!data || mine !== generation) return
    total.value = data.total
    rows.value = new Array(data.total)
    data.rows.forEach((r, i) => (rows.value[i] = r))
  }

  /** Make sure the rows around position `index` are loaded (the table calls this while scrolling). */
  async function ensure(index: number): Promise<void> {
    const page = Math.floor(index / PAGE)
    if (rows.value[page * PAGE] !== undefined || pending.has(page) || total.value === null || page * PAGE >= total.value) return
    pending.add(page)
    const mine = generation
    const data = await listing.run(() => window.api.customers.list({ ...query.value, limit: PAGE, offset: page * PAGE }))
    pending.delete(page)
    if (!data || mine !== generation) return
    data.rows.forEach((r, i) => (rows.value[page * PAGE + i] = r))
  }

  /** Click on a column header: same column flips the direction, a new one starts descending. */
  function sortBy(field: SortField): void {
    const current = sort.value
    sort.value = current?.field === field ? { field, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: field === 'name' ? 'asc' : 'desc' }
    void reload()
  }

  function resetFilters(): void {
    Object.assign(filters, emptyFilters(), { region: undefined, channel: undefined, tier: undefined, ladder: undefined })
  }

  async function loadFacets(): Promise<void> {
    const data = await listing.run(() => window.api.customers.facets({}))
    if (data) facets.value = data
  }

  async function loadViews(): Promise<void> {
    const data = await listing.run(() => window.api.customers.listViews({}))
    if (data) views.value = data
  }

  /** Save the current search, filters and sort under a name. */
  async function saveView(name: string): Promise<void> {
    const saved = await acting.run(() => window.api.customers.saveView({ name, query: query.value }))
    if (saved) await loadViews()
  }

  /** Apply a saved view and list it. */
  function applyView(view: SavedView): void {
    search.value = view.query.search
    resetFilters()
    Object.assign(filters, view.query.filters)
    sort.value = view.query.sort
    void reload()
  }

  async function deleteView(id: number): Promise<void> {
    if (await acting.run(() => window.api.customers.deleteView({ id }))) await loadViews()
  }

  /** The file as a download: CSV (UTF-8 with BOM) or xlsx of the current view. */
  async function exportList(format: 'csv' | 'xlsx', fullPhones = false): Promise<{ fileName: string; base64: string; rows: number } | undefined> {
    const data = await acting.run(() => window.api.customers.export({ ...query.value, format, fullPhones }))
    if (!data || !data.base64) return undefined
    return { fileName: data.fileName, base64: data.base64, rows: data.rows }
  }

  async function open(id: number): Promise<void> {
    if (detail.value?.profile.id !== id) detail.value = null
    const data = await loadingDetail.run(() => window.api.customers.get({ id }))
    if (data) detail.value = data
  }

  /** Save profile edits; answers the error message for the form when refused. */
  async function update(id: number, patch: CustomerPatch): Promise<string | null> {
    const data = await saving.run(() => window.api.customers.update({ id, patch }))
    if (data) {
      detail.value = data
      return null
    }
    return saving.error.value?.message ?? null
  }

  async function undoLastChange(id: number): Promise<void> {
    const data = await acting.run(() => window.api.customers.undoLastChange({ id }))
    if (data) detail.value = data
  }

  /** A contact-log entry: kind and outcome are the two clicks, the note is optional. */
  async function addContact(id: number, kind: ContactKind, outcome: ContactOutcome | null, note: string | null): Promise<boolean> {
    const entry = await acting.run(() => window.api.customers.addContact({ id, kind, outcome, note }))
    if (entry && detail.value?.profile.id === id) detail.value.contacts.unshift(entry)
    return entry !== undefined
  }

  async function findDuplicates(): Promise<void> {
    const data = await acting.run(() => window.api.customers.duplicates({ limit: 100 }))
    if (data) duplicates.value = data
  }

  /** Merge `mergeId` into `keepId`; answers the merge id (to undo it). */
  async function merge(keepId: number, mergeId: number): Promise<number | undefined> {
    const m = await acting.run(() => window.api.customers.merge({ keepId, mergeId }))
    if (!m) return undefined
    if (duplicates.value) duplicates.value = duplicates.value.filter((p) => p.aId !== mergeId && p.bId !== mergeId)
    await open(keepId)
    return m.id
  }

  async function undoMerge(mergeId: number, reopen: number): Promise<void> {
    if (await acting.run(() => window.api.customers.undoMerge({ mergeId }))) await open(reopen)
  }

  async function erase(id: number): Promise<boolean> {
    const r = await acting.run(() => window.api.customers.erase({ id, confirm: true }))
    if (r) await open(id)
    return r !== undefined
  }

  return {
    search,
    filters,
    sort,
    total,
    rows,
    views,
    facets,
    detail,
    duplicates,
    listing,
    loadingDetail,
    saving,
    acting,
    query,
    reload,
    ensure,
    sortBy,
    resetFilters,
    loadFacets,
    loadViews,
    saveView,
    applyView,
    deleteView,
    exportList,
    open,
    update,
    undoLastChange,
    addContact,
    findDuplicates,
    merge,
    undoMerge,
    erase
  }
})
