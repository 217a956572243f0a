/**
 * Disjoint sets over 0…n−1: which of n things belong together when each link joins two
 * (spellings of one name, candidate pairings that compete, sheets that copy one another).
 */
export class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root]! !== root) root = this.parent[root]!;
    while (this.parent[i]! !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
