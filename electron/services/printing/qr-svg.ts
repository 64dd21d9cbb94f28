/**
 * QR codes as inline SVG: the qrcode library computes the modules, we draw one path, so the
 * printable document carries its codes inside and they stay sharp at any printer resolution.
 */
import QRCode from 'qrcode'

/** An SVG element that fills its box; `quiet` modules of white margin around the symbol. */
export function qrSvg(text: string, quiet = 2): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  let d = ''
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!modules.get(r, c)) continue
      // run-length along the row keeps the path short
      let run = 1
      while (c + run < n && modules.get(r, c + run)) run++
      d += `M${c + quiet} ${r + quiet}h${run}v1h-${run}z`
      c += run - 1
    }
  }
  const size = n + quiet * 2
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="100%" height="100%" shape-rendering="crispEdges" role="img" aria-label="QR"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
}
