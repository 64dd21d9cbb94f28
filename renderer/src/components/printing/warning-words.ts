/**
 * A print warning in the page's language. The service's message carries Chinese and English
 * side by side for the CLI; the page says one language, built from the warning's kind, and for
 * an empty {{店名}} says where the shop name is set.
 */
import type { PrintWarning } from '@shared/schemas/printing'

type Translate = (key: string, params?: Record<string, unknown>) => string

export function warningWords(w: Pick<PrintWarning, 'kind' | 'field' | 'blockId' | 'message'>, t: Translate): string {
  const field = `{{${w.field ?? ''}}}`
  const block = w.blockId ?? ''
  switch (w.kind) {
    case 'empty-field':
      return t(w.field === '店名' ? 'printing.warning.emptyShopName' : 'printing.warning.emptyField', { field })
    case 'unknown-field':
      return t('printing.warning.unknownField', { field })
    case 'overflow':
      return t('printing.warning.overflow', { block })
    case 'missing-qr':
      return t('printing.warning.missingQr', { block })
    case 'outside-cell':
      return t('printing.warning.outsideCell', { block })
    case 'no-cards':
      return t('printing.warning.noCards')
    default:
      return w.message
  }
}
