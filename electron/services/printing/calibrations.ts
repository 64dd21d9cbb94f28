/** Printer calibration (x/y offset and scale in mm), saved per printer name. */
import type { Db } from '../../db/driver'
import type { Calibration, PrinterCalibration } from '../../../shared/schemas/printing'

export const noCalibration: Calibration = { offsetX: 0, offsetY: 0, scaleX: 1, scaleY: 1 }

interface Row {
  printer: string
  offset_x: number
  offset_y: number
  scale_x: number
  scale_y: number
}

const toCalibration = (r: Row): PrinterCalibration => ({ printer: r.printer, offsetX: r.offset_x, offsetY: r.offset_y, scaleX: r.scale_x, scaleY: r.scale_y })

/** Every saved calibration, by printer name. */
export function listCalibrations(db: Db): PrinterCalibration[] {
  return (db.prepare('SELECT * FROM printer_calibrations ORDER BY printer').all() as Row[]).map(toCalibration)
}

/** The saved calibration for a printer, or none. */
export function calibrationFor(db: Db, printer: string | undefined): Calibration {
  if (!printer) return noCalibration
  const row = db.prepare('SELECT * FROM printer_calibrations WHERE printer = ?').get(printer) as Row | undefined
  return row ? toCalibration(row) : noCalibration
}

/** Save (insert or replace) one printer's calibration. */
export function saveCalibration(db: Db, c: PrinterCalibration): PrinterCalibration {
  db.prepare(
    `INSERT INTO printer_calibrations (printer, offset_x, offset_y, scale_x, scale_y) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (printer) DO UPDATE SET offset_x = excluded.offset_x, offset_y = excluded.offset_y, scale_x = excluded.scale_x, scale_y = excluded.scale_y`
  ).run(c.printer, c.offsetX, c.offsetY, c.scaleX, c.scaleY)
  return c
}
