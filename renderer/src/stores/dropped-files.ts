/**
 * Files dropped anywhere on the window wait here until the import page takes them. Kept raw:
 * a reactive proxy of a File cannot cross the Electron bridge (webUtils.getPathForFile).
 */
import { defineStore } from 'pinia'
import { markRaw, shallowRef } from 'vue'

export const useDroppedFilesStore = defineStore('dropped-files', () => {
  const files = shallowRef<File[]>([])

  /** Hold the files of one drop (replacing any not yet taken). */
  function put(dropped: File[]): void {
    files.value = markRaw([...dropped])
  }

  /** Hand the files over once and forget them. */
  function take(): File[] {
    const taken = files.value
    files.value = []
    return taken
  }

  return { files, put, take }
})
