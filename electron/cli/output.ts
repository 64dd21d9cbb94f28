/** How commands answer: stable JSON with --json, readable lines otherwise. */
export interface Output {
  json: boolean
  /** the command's result */
  result(data: unknown, human: () => string): void
}

export function createOutput(json: boolean, write: (s: string) => void = (s) => process.stdout.write(s)): Output {
  return {
    json,
    result(data, human) {
      write(json ? JSON.stringify(data, null, 2) + '\n' : human() + '\n')
    }
  }
}
