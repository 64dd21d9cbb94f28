/**
 * Locks the app after the shop's idle minutes without keyboard, mouse, touch or wheel. Activity
 * only stamps a time (pointermove fires constantly); a slow interval compares it.
 */
import { onBeforeUnmount, onMounted } from 'vue'
import { useLockStore } from '@/stores/lock'
import { idleExpired } from '@/components/lock/lock-rules'

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const
const checkEveryMs = 5_000

export function useIdleLock(): void {
  const lock = useLockStore()
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined
  const stamp = () => (lastActivity = Date.now())

  function check(): void {
    const s = lock.status
    if (!s || !s.enabled || s.locked) {
      // time spent locked or without a passcode does not count towards the next idle lock
      stamp()
      return
    }
    if (idleExpired(lastActivity, Date.now(), s.idleMinutes)) void lock.lockNow()
  }

  onMounted(() => {
    for (const name of activityEvents) window.addEventListener(name, stamp, { capture: true, passive: true })
    timer = setInterval(check, checkEveryMs)
  })
  onBeforeUnmount(() => {
    for (const name of activityEvents) window.removeEventListener(name, stamp, { capture: true })
    clearInterval(timer)
  })
}
