/** The fields an import maps columns onto (defined in the contract so the UI shares them). */
import type { ImportField } from '../../../shared/schemas/imports'
export { importFields, type ImportField, type Mapping } from '../../../shared/schemas/imports'

/** Field → column index, resolved against one header row. */
export type ColumnIndex = Partial<Record<ImportField, number>>
