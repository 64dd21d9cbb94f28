/** Union-find over string keys: rows that share any identity end up in one group. */
export class UnionFind {
  private readonly ids = new Map<string, number>()
  private readonly parent: number[] = []
  private readonly keys: string[] = []

  /** The node of a key, created on first sight. */
  node(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.parent.length
      this.ids.set(key, id)
      this.parent.push(id)
      this.keys.push(key)
    }
    return id
  }

  find(x: number): number {
    let root = x
    while (this.parent[root] !== root) root = this.parent[root]
    while (this.parent[x] !== root) {
      const next = this.parent[x]
      this.parent[x] = root
      x = next
    }
    return root
  }

  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }

  /** The root of a key that was seen, or undefined. */
  rootOf(key: string): number | undefined {
    const id = this.ids.get(key)
    return id === undefined ? undefined : this.find(id)
  }

  /** Every key grouped by root. */
  groups(): Map<number, string[]> {
    const out = new Map<number, string[]>()
    for (let i = 0; i < this.keys.length; i++) {
      const r = this.find(i)
      const list = out.get(r)
      if (list) list.push(this.keys[i])
      else out.set(r, [this.keys[i]])
    }
    return out
  }
}
