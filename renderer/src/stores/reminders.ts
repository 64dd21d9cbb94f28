/** Today's call list and the one-click outcomes written back to the contact log. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CallEntry, CallList, CallOutcome, CallReason } from '@shared/schemas/reminders'
import { useCall } from './call'

export const reasonOrder: CallReason[] = ['complaint', 'replenish', 'birthday', 'slide']

export const useRemindersStore = defineStore('reminders', () => {
  const list = ref<CallList | null>(null)
  const loading = useCall()
  const recording = useCall()
  /** the entry whose outcome is being written, to show a spinner on its row only */
  const pendingKey = ref<string | null>(null)

  /** Entries grouped by reason, in the order staff work through them. */
  const groups = computed(() =>
    reasonOrder
      .map((reason) => ({ reason, entries: (list.value?.entries ?? []).filter((e) => e.reason === reason) }))
      .filter((g) => g.entries.length > 0)
  )

  /** The call list for a date (default: the shop's today). */
  async function load(date?: string): Promise<void> {
    const data = await loading.run(() => window.api.reminders.calls(date ? { date } : {}))
    if (data) list.value = data
  }

  /** Record an outcome; the entry leaves the list at once, then the list is read again. */
  async function record(entry: CallEntry, outcome: CallOutcome): Promise<boolean> {
    pendingKey.value = entry.key
    try {
      const done = await recording.run(() => window.api.reminders.record({ customerId: entry.customerId, key: entry.key, outcome }))
      if (!done) return false
      if (list.value) {
        const entries = list.value.entries.filter((e) => e.key !== entry.key)
        list.value = { ...list.value, entries, counts: { ...list.value.counts, [entry.reason]: list.value.counts[entry.reason] - 1 } }
      }
      await load(list.value?.date)
      return true
    } finally {
      pendingKey.value = null
    }
  }

  return { list, groups, loading, recording, pendingKey, load, record }
})
