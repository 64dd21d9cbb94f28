/**
 * Occasion themes (DOMAIN.md, package inserts): colours, a heading for {{主题标题}} and a
 * decoration drawn as inline SVG in a corner of each card, so the document needs no files.
 */
import type { ThemeId } from '../../../shared/schemas/printing'

export interface Theme {
  id: ThemeId
  heading: string
  /** text colour */
  ink: string
  /** headings and accented blocks */
  accent: string
  /** card background */
  paper: string
  /** SVG drawn in a 100×100 box in the card's top-right corner; '' for none */
  decoration: string
}

const flower = (cx: number, cy: number, r: number, fill: string) =>
  [0, 72, 144, 216, 288]
    .map((a) => {
      const rad = (a * Math.PI) / 180
      return `<circle cx="${(cx + Math.cos(rad) * r).toFixed(1)}" cy="${(cy + Math.sin(rad) * r).toFixed(1)}" r="${(r * 0.75).toFixed(1)}" fill="${fill}"/>`
    })
    .join('') + `<circle cx="${cx}" cy="${cy}" r="${(r * 0.55).toFixed(1)}" fill="#ffd166"/>`

const balloon = (cx: number, cy: number, fill: string) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="11" ry="14" fill="${fill}"/><path d="M${cx} ${cy + 14} q4 12 -2 26" stroke="#888" fill="none" stroke-width="1"/>`

const star = (cx: number, cy: number, r: number, fill: string) => {
  const pts: string[] = []
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 === 0 ? r : r * 0.45
    const a = (Math.PI / 5) * i - Math.PI / 2
    pts.push(`${(cx + Math.cos(a) * rr).toFixed(1)},${(cy + Math.sin(a) * rr).toFixed(1)}`)
  }
  return `<polygon points="${pts.join(' ')}" fill="${fill}"/>`
}

/** Every theme by id. */
export const themes: Record<ThemeId, Theme> = {
  plain: { id: 'plain', heading: '', ink: '#222222', accent: '#2f6f4f', paper: '#ffffff', decoration: '' },
  'womens-day': {
    id: 'womens-day',
    heading: '三八妇女节快乐',
    ink: '#3a2030',
    accent: '#c2185b',
    paper: '#fff7fa',
    decoration: flower(70, 28, 9, '#f48fb1') + flower(88, 58, 6, '#f8bbd0')
  },
  'childrens-day': {
    id: 'childrens-day',
    heading: '六一儿童节快乐',
    ink: '#1f2a44',
    accent: '#1e88e5',
    paper: '#f6fbff',
    decoration: balloon(62, 26, '#ff7043') + balloon(84, 34, '#42a5f5') + balloon(72, 50, '#ffca28')
  },
  'double-11': {
    id: 'double-11',
    heading: '双十一 老客专享',
    ink: '#2b1a12',
    accent: '#e53935',
    paper: '#fffaf5',
    decoration: `<rect x="52" y="8" width="44" height="26" rx="4" fill="#e53935"/><text x="74" y="27" font-size="18" font-weight="700" text-anchor="middle" fill="#fff">11.11</text>`
  },
  'member-day': {
    id: 'member-day',
    heading: '会员日 · 新品会员价',
    ink: '#1d2b24',
    accent: '#b8860b',
    paper: '#fffdf5',
    decoration: star(78, 24, 14, '#f2c14e') + star(56, 44, 7, '#f7d98b')
  },
  birthday: {
    id: 'birthday',
    heading: '生日快乐',
    ink: '#2a2238',
    accent: '#7e57c2',
    paper: '#fbf8ff',
    decoration:
      `<rect x="58" y="40" width="34" height="22" rx="3" fill="#b39ddb"/><rect x="58" y="40" width="34" height="6" fill="#7e57c2"/>` +
      [64, 75, 86]
        .map((x) => `<rect x="${x - 1}" y="28" width="2" height="12" fill="#ffb74d"/><ellipse cx="${x}" cy="25" rx="2" ry="3.5" fill="#ff7043"/>`)
        .join('')
  }
}
