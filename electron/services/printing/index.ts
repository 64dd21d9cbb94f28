/**
 * Printing: templates, print jobs (preview and real), calibration and codes. The importer
 * calls matchRedemptions(db, batchId) after committing a batch; the Electron main process
 * calls registerPrintSink(...) once with electron/system/printing.ts.
 */
export { matchRedemptions, redeemCode, issueCodes, type RedemptionMatch } from './code-store'
export { registerPrintSink, currentPrintSink, type PrintSink } from './print-sink'
export { runJob, pickVariant } from './print-job'
export { listTemplates, getTemplate, saveTemplate, duplicateTemplate, deleteTemplate, ensureBuiltIns } from './template-repo'
export { listCalibrations, saveCalibration, calibrationFor } from './calibrations'
