/**
 * What a progress bar shows for a job the page follows: the job while it runs, its step in the
 * chosen language (「正在复制数据库」) or `fallback` before the first step has said one, and its
 * share done (undefined until the total is known: the bar then shows it is busy without a figure).
 */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { JobProgress } from '@shared/schemas/jobs'

export function useJobBar<J extends JobProgress>(job: () => J | null | undefined, fallback: () => string) {
  const { locale } = useI18n()
  const running = computed(() => {
    const j = job()
    return j?.state === 'running' ? j : null
  })
  const label = computed(() => {
    const phase = running.value?.phase
    return phase ? (locale.value === 'en' ? phase.en : phase.zh) : fallback()
  })
  const share = computed(() => (running.value && running.value.total > 0 ? running.value.done / running.value.total : undefined))
  return { running, label, share }
}
