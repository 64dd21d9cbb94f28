/** Segments: scheme counts and views as of a date, saved segments, members, recall. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Cohorts, Members, Migration, Regions, RecallRow, RepeatRate, RfmGrid, Segment, SegmentsOverview } from '@shared/schemas/segments'
import type { OverviewJobProgress } from '@shared/schemas/jobs'
import { attempt, useCall } from './call'
import { cancelJob, runJob } from './job-follow'

/** What the members panel shows: a title and the rule behind it. */
export interface Selection {
  title: string
  rule?: unknown
  id?: number
}

export const useSegmentsStore = defineStore('segments', () => {
  const asOf = ref<string | undefined>(undefined)
  const overview = ref<SegmentsOverview | null>(null)
  const grid = ref<RfmGrid | null>(null)
  const repeat = ref<RepeatRate | null>(null)
  const cohorts = ref<Cohorts | null>(null)
  const migration = ref<Migration | null>(null)
  const regions = ref<Regions | null>(null)
  const saved = ref<Segment[]>([])
  const selection = ref<Selection | null>(null)
  const members = ref<Members | null>(null)
  const recallRows = ref<RecallRow[] | null>(null)
  const loading = useCall()
  const membersCall = useCall()
  const recallCall = useCall()
  /** The recompute while it runs and after: the step in words and steps done. */
  const overviewJob = ref<OverviewJobProgress | null>(null)
  let pending: Promise<unknown> | null = null

  /**
   * Every view's data as of the chosen date (default: today). The recompute (every scheme, about
   * a second on a big shop) runs as a job the page follows and can cancel; the views after it
   * read the snapshot it built. A cancelled recompute keeps the figures already shown.
   */
  async function load(): Promise<void> {
    const input = { asOf: asOf.value }
    await cancelJob(overviewJob.value)
    // the stopped load's end is heard before this one starts, so it cannot clear this one's busy flag
    while (pending) await pending
    const run = runJob(
      loading,
      overviewJob,
      'segments.overview',
      () => window.api.segments.overviewStart(input),
      async (figures) => {
        const [g, r, c, m, reg, list] = await Promise.all([
          window.api.segments.rfmGrid(input),
          window.api.segments.repeatRate(input),
          window.api.segments.cohorts(input),
          window.api.segments.migration(input),
          window.api.segments.regions(input),
          window.api.segments.list({})
        ])
        // the first failure is the one shown; the views keep what they had
        if (!g.ok) return g
        if (!r.ok) return r
        if (!c.ok) return c
        if (!m.ok) return m
        if (!reg.ok) return reg
        if (!list.ok) return list
        overview.value = figures
        grid.value = g.data
        repeat.value = r.data
        cohorts.value = c.data
        migration.value = m.data
        regions.value = reg.data
        saved.value = list.data
        return { ok: true as const, data: null }
      }
    )
    pending = run
    const end = await run.finally(() => {
      if (pending === run) pending = null
    })
    if (selection.value && !end?.cancelled) await showMembers(selection.value)
  }

  /** Stop the running recompute; the page keeps what it showed. */
  async function cancelLoad(): Promise<void> {
    await cancelJob(overviewJob.value)
  }

  /** Open the members panel on a rule or a saved segment. */
  async function showMembers(sel: Selection, offset = 0): Promise<void> {
    selection.value = sel
    const input = sel.id !== undefined ? { id: sel.id } : { rule: sel.rule }
    const data = await membersCall.run(() => window.api.segments.members({ ...input, asOf: asOf.value, limit: 50, offset }))
    if (data) members.value = data
  }

  function closeMembers(): void {
    selection.value = null
    members.value = null
  }

  /** The live count of a rule being edited; a rule not yet valid answers its message. */
  async function count(rule: unknown): Promise<{ count?: number; error?: string }> {
    const r = await window.api.segments.count({ rule, asOf: asOf.value })
    return r.ok ? { count: r.data.count } : { error: r.message }
  }

  /** Save a segment as a new one, or over the one with this id. */
  async function save(name: string, rule: unknown, id?: number): Promise<Segment | undefined> {
    const seg = await attempt(id === undefined ? window.api.segments.create({ name, rule }) : window.api.segments.update({ id, name, rule }))
    if (seg) await load()
    return seg
  }

  async function remove(id: number): Promise<void> {
    const r = await attempt(window.api.segments.delete({ id }))
    if (r) await load()
  }

  async function recall(product: string, from: string, to: string): Promise<void> {
    const rows = await recallCall.run(() => window.api.segments.recall({ product, from, to }))
    if (rows) recallRows.value = rows
  }

  async function recallExport(product: string, from: string, to: string, kind: 'csv' | 'callList') {
    return attempt(window.api.segments.recallExport({ product, from, to, kind }))
  }

  return {
    asOf,
    overview,
    grid,
    repeat,
    cohorts,
    migration,
    regions,
    saved,
    selection,
    members,
    recallRows,
    loading,
    overviewJob,
    cancelLoad,
    membersCall,
    recallCall,
    load,
    showMembers,
    closeMembers,
    count,
    save,
    remove,
    recall,
    recallExport
  }
})
