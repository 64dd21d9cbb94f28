/**
 * The renderer's start: the transport first (in a plain browser it installs window.api and
 * takes the token out of the address before the router reads the address), then Vue.
 */
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { installHttpTransport } from './api/http-transport'
import { createAppRouter } from './router'
import { i18n } from './i18n'
import App from './App.vue'
import './styles/tokens.css'
import './styles/base.css'

installHttpTransport()
createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).mount('#app')
