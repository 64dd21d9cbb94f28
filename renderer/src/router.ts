/**
 * The nine sections. Hash history: the Electron build loads index.html from file://, where
 * path URLs would point at files that do not exist.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** The sidebar's sections in order; Alt+1..9 jumps to them. Predictions came last before 设置 so the
 * shortcuts staff already knew (Alt+1..7) stay where they were. */
export const sections = [
  { name: 'overview', path: '/' },
  { name: 'calls', path: '/calls' },
  { name: 'customers', path: '/customers' },
  { name: 'segments', path: '/segments' },
  { name: 'campaigns', path: '/campaigns' },
  { name: 'cards', path: '/cards' },
  { name: 'import', path: '/import' },
  { name: 'predictions', path: '/predictions' },
  { name: 'settings', path: '/settings' }
] as const
export type SectionName = (typeof sections)[number]['name']

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'overview', component: () => import('./views/OverviewView.vue'), meta: { section: 'overview' } },
  { path: '/calls', name: 'calls', component: () => import('./views/CallsView.vue'), meta: { section: 'calls' } },
  { path: '/predictions', name: 'predictions', component: () => import('./views/PredictionsView.vue'), meta: { section: 'predictions' } },
  { path: '/customers', name: 'customers', component: () => import('./views/CustomersView.vue'), meta: { section: 'customers' } },
  {
    path: '/customers/:id',
    name: 'customer',
    component: () => import('./views/CustomersView.vue'),
    props: true,
    meta: { section: 'customers' }
  },
  { path: '/segments', name: 'segments', component: () => import('./views/SegmentsView.vue'), meta: { section: 'segments' } },
  { path: '/campaigns', name: 'campaigns', component: () => import('./views/CampaignsView.vue'), meta: { section: 'campaigns' } },
  { path: '/cards', name: 'cards', component: () => import('./views/CardsView.vue'), meta: { section: 'cards' } },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue'), meta: { section: 'import' } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { section: 'settings' } },
  { path: '/:rest(.*)*', redirect: '/' }
]

declare module 'vue-router' {
  interface RouteMeta {
    /** which sidebar entry is lit for this route */
    section?: SectionName
  }
}

/**
 * Made on demand, not at import: hash history remembers the address it starts from, and in the
 * browser host that address must first lose its ?token= (see api/http-transport.ts).
 */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
