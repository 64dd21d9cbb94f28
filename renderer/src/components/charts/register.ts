/** Chart.js with only the parts the app draws (keeps the bundle small; tree-shaking needs this). */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js'

let done = false
/** Register once, from whichever chart mounts first. */
export function registerCharts(): void {
  if (done) return
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend)
  Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans') || 'sans-serif'
  Chart.defaults.font.size = 12
  Chart.defaults.color = '#5b6b60'
  Chart.defaults.animation = false
  done = true
}

/** A design token's colour (charts draw on canvas and cannot use CSS variables directly). */
export function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
}
