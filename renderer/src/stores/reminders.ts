/** Today's call list and the one-click outcomes written back to the contact log. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { MISSED_PAGE, type CallEntry, type CallList, type CallOutcome, type CallReason, type ConsentChannel } from '@shared/schemas/reminders'
import { useCall } from './call'

/**
 * The day's rows grouped by their heading reason, the groups in the order of the ranked list:
 * the group holding the first row comes first, so today's birthdays, which the ranking puts at the
 * top, are not shown under every replenishment. Rows keep their rank inside a group.
 */
export function groupsInRankOrder(entries: readonly CallEntry[]): { reason: CallReason; entries: CallEntry[] }[] {
  const groups = new Map<CallReason, CallEntry[]>()
  for (const e of entries) {
    const g = groups.get(e.reason)
    if (g) g.push(e)
    else groups.set(e.reason, [e])
  }
  return [...groups].map(([reason, rows]) => ({ reason, entries: rows }))
}

export const useRemindersStore = defineStore('reminders', () => {
  const list = ref<CallList | null>(null)
  const loading = useCall()
  const recording = useCall()
  /** the entry whose outcome is being written, to show a spinner on its row only */
  const pendingKey = ref<string | null>(null)
  /** whether the whole due list is shown (「显示全部」) rather than the day's capacity */
  const showAll = ref(false)
  /** the last 不再联系, while it can be undone from the page */
  const lastOptOut = ref<{ contactId: number; name: string; revoked: ConsentChannel[] } | null>(null)
  /** the last other outcome (已联系, 未接通…), while it can be undone from the page */
  const lastOutcome = ref<{ contactId: number; name: string; outcome: CallOutcome } | null>(null)
  const undoing = useCall()

  /** Entries grouped by reason, in the order staff work through them (the ranking's). */
  const groups = computed(() => groupsInRankOrder(list.value?.entries ?? []))

  const loadingMore = useCall()

  /**
   * The call list for a date (default: the shop's today), with the first page of missed rows, or
   * as many as were shown already (a reload after an outcome keeps what staff scrolled to).
   */
  async function load(date?: string): Promise<void> {
    const all = showAll.value
    const missed = { offset: 0, limit: Math.max(MISSED_PAGE, list.value?.missed.length ?? 0) }
    const data = await loading.run(() => window.api.reminders.calls(date ? { date, all, missed } : { all, missed }))
    if (data) list.value = data
  }

  /** The next page of missed rows (「加载更多」), added under the ones shown. */
  async function loadMoreMissed(): Promise<void> {
    const shown = list.value
    if (!shown || shown.missed.length >= shown.missedTotal) return
    const missed = { offset: shown.missed.length, limit: MISSED_PAGE }
    const data = await loadingMore.run(() => window.api.reminders.calls({ date: shown.date, all: showAll.value, missed }))
    if (!data || list.value !== shown) return
    list.value = { ...shown, missed: [...shown.missed, ...data.missed], missedTotal: data.missedTotal }
  }

  /** Record an outcome; the entry leaves the list at once, then the list is read again. */
  async function record(entry: CallEntry, outcome: CallOutcome): Promise<boolean> {
    pendingKey.value = entry.key
    try {
      const done = await recording.run(() => window.api.reminders.record({ customerId: entry.customerId, key: entry.key, outcome }))
      if (!done) return false
      // one undo offered at a time: the newest outcome's
      const name = entry.name ?? `#${entry.customerId}`
      lastOptOut.value = outcome === 'opted_out' ? { contactId: done.id, name, revoked: done.revoked } : null
      lastOutcome.value = outcome === 'opted_out' ? null : { contactId: done.id, name, outcome }
      if (list.value) {
        const entries = list.value.entries.filter((e) => e.key !== entry.key)
        const missed = list.value.missed.filter((e) => e.key !== entry.key)
        const missedTotal = list.value.missedTotal - (list.value.missed.length - missed.length)
        list.value = { ...list.value, entries, missed, missedTotal }
      }
      await load(list.value?.date)
      return true
    } finally {
      pendingKey.value = null
    }
  }

  /** Show the whole due list, or only the day's capacity again. */
  async function setShowAll(on: boolean): Promise<void> {
    showAll.value = on
    await load(list.value?.date)
  }

  /** Take back the last 不再联系: its channels are allowed again and the call is back on the list. */
  async function undoOptOut(): Promise<boolean> {
    const last = lastOptOut.value
    if (!last) return false
    const done = await undoing.run(() => window.api.reminders.undoOptOut({ contactId: last.contactId }))
    if (!done) return false
    lastOptOut.value = null
    await load(list.value?.date)
    return true
  }

  /** Take back the last other outcome: its contact-log line goes and the call is back on the list. */
  async function undoOutcome(): Promise<boolean> {
    const last = lastOutcome.value
    if (!last) return false
    const done = await undoing.run(() => window.api.reminders.undoOutcome({ contactId: last.contactId }))
    if (!done) return false
    lastOutcome.value = null
    await load(list.value?.date)
    return true
  }

  return {
    list,
    groups,
    loading,
    loadingMore,
    recording,
    undoing,
    pendingKey,
    showAll,
    lastOptOut,
    lastOutcome,
    load,
    loadMoreMissed,
    record,
    setShowAll,
    undoOptOut,
    undoOutcome
  }
})
