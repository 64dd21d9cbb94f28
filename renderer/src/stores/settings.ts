/** The shop's settings, loaded once at start; the UI language follows them. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Settings } from '@shared/schemas/settings'
import { applyLocale, type Locale } from '@/i18n'
import { useCall } from './call'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const loading = useCall()
  const saving = useCall()

  const locale = computed<Locale>(() => settings.value?.locale ?? 'zh-CN')

  function accept(s: Settings): void {
    settings.value = s
    applyLocale(s.locale)
  }

  /** Read every setting and apply the saved language. */
  async function load(): Promise<void> {
    const s = await loading.run(() => window.api.settings.get())
    if (s) accept(s)
  }

  /** Save some settings; answers the saved whole, or undefined when refused (already shown). */
  async function update(patch: Partial<Settings>): Promise<Settings | undefined> {
    const s = await saving.run(() => window.api.settings.update(patch))
    if (s) accept(s)
    return s
  }

  /** Switch the language now and remember it. */
  async function setLocale(next: Locale): Promise<void> {
    applyLocale(next)
    await update({ locale: next })
  }

  return { settings, locale, loading, saving, load, update, setLocale }
})
