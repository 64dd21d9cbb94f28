/** Bounds past which a file is not a sales export and is refused with a clear message. */
export const MAX_COLUMNS = 1000
export const MAX_CELL = 65_536
/** 256 MB: the browser host's body limit; larger files are refused before reading */
export const MAX_FILE_BYTES = 256 * 1024 * 1024
