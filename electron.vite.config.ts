import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// Native and Node-only packages stay external so `bindings` finds the .node files at run time.
const nodeExternals = ['better-sqlite3', 'better-sqlite3-node']

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { include: nodeExternals },
      rollupOptions: {
        input: {
          // the Electron main process
          index: resolve(__dirname, 'electron/main/index.ts'),
          // the same services without Electron: the browser host and the command line
          host: resolve(__dirname, 'electron/host/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
          // the app server: database, dispatcher and services in their own process (utilityProcess / child process)
          server: resolve(__dirname, 'electron/server/index.ts'),
          // imports run here, off the main thread; located at run time as join(__dirname, 'import-worker.js')
          'import-worker': resolve(__dirname, 'electron/services/imports/import-worker.ts'),
          // model fits run here as jobs, off the server's request loop (electron/services/jobs/fit-job.ts)
          'fit-worker': resolve(__dirname, 'electron/services/jobs/fit-worker.ts'),
          // the top list runs here as jobs, one worker kept between lists (electron/services/jobs/top-job.ts)
          'top-worker': resolve(__dirname, 'electron/services/jobs/top-worker.ts'),
          // the backups' integrity checks run here, off the server's request loop (electron/services/backups/integrity-off-loop.ts)
          'backup-worker': resolve(__dirname, 'electron/services/jobs/backup-worker.ts')
        }
      }
    }
  },
  preload: {
    // a sandboxed preload cannot require packages: bundle everything into one file
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [vue()],
    resolve: { alias: { '@': resolve(__dirname, 'renderer/src'), '@shared': resolve(__dirname, 'shared') } },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    }
  }
})
