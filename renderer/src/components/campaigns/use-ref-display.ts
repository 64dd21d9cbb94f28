/** How a customer's ref is shown: phone numbers masked while the shop's setting says so. */
import { computed } from 'vue'
import { isMobile, maskPhone } from '@shared/domain/phone'
import { useSettingsStore } from '@/stores/settings'

export function useRefDisplay() {
  const settings = useSettingsStore()
  const mask = computed(() => settings.settings?.maskPhones ?? true)
  if (!settings.settings) void settings.load()
  return (ref: string) => (mask.value && isMobile(ref) ? maskPhone(ref) : ref)
}
