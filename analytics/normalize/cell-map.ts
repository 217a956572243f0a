/**
 * Values by cell (row and column numbers), kept row by row: a plan of 200k edits asks for a
 * cell many times a row. A Map keyed by A1 text hashes a new string each time, and one keyed by
 * row × 16,384 + column holds numbers past V8's small integers from row 65,536 on, boxed and
 * hashed as doubles; here a lookup is an array index and a short scan of the row's columns.
 */
export class CellMap<T> {
  /** By row: its columns and their values, one after the other (col, value, col, value…), in the order first set. */
  private readonly rows: Array<Array<number | T> | undefined> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number, col: number): T | undefined {
    const cells = this.rows[row];
    if (cells === undefined) return undefined;
    for (let i = 0; i < cells.length; i += 2) if (cells[i] === col) return cells[i + 1] as T;
    return undefined;
  }

  has(row: number, col: number): boolean {
    const cells = this.rows[row];
    if (cells === undefined) return false;
    for (let i = 0; i < cells.length; i += 2) if (cells[i] === col) return true;
    return false;
  }

  /** Sets a cell's value, in place of any earlier one. */
  set(row: number, col: number, value: T): void {
    const cells = this.rows[row];
    this.count++;
    if (cells === undefined) {
      // One small array a row, made at the size of its first cell: most rows hold a few.
      this.rows[row] = [col, value];
      return;
    }
    for (let i = 0; i < cells.length; i += 2) {
      if (cells[i] === col) {
        cells[i + 1] = value;
        this.count--;
        return;
      }
    }
    cells.push(col, value);
  }

  /** Every value, row by row, left to right. */
  sorted(): T[] {
    const out: T[] = [];
    // forEach skips the rows never set.
    this.rows.forEach((cells) => {
      if (cells === undefined) return;
      const order: number[] = [];
      for (let i = 0; i < cells.length; i += 2) order.push(i);
      if (order.length > 1) order.sort((a, b) => (cells[a] as number) - (cells[b] as number));
      for (const i of order) out.push(cells[i + 1] as T);
    });
    return out;
  }
}
