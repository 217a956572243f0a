/**
 * Values by cell (row and column numbers), kept row by row: a plan of 200k edits asks for a
 * cell many times a row. A Map keyed by A1 text hashes a new string each time, and one keyed by
 * row × 16,384 + column holds numbers past V8's small integers from row 65,536 on, boxed and
 * hashed as doubles; here a lookup is an array index and a short scan of the row's columns.
 */
export class CellMap<T> {
  /** By row: its columns and their values, in the order they were first set. */
  private readonly rows: Array<{ cols: number[]; values: T[] } | undefined> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number, col: number): T | undefined {
    const cells = this.rows[row];
    if (cells === undefined) return undefined;
    const at = cells.cols.indexOf(col);
    return at < 0 ? undefined : cells.values[at];
  }

  has(row: number, col: number): boolean {
    return this.rows[row]?.cols.includes(col) ?? false;
  }

  /** Sets a cell's value, in place of any earlier one. */
  set(row: number, col: number, value: T): void {
    let cells = this.rows[row];
    if (cells === undefined) this.rows[row] = cells = { cols: [], values: [] };
    const at = cells.cols.indexOf(col);
    if (at >= 0) {
      cells.values[at] = value;
      return;
    }
    cells.cols.push(col);
    cells.values.push(value);
    this.count++;
  }

  /** Every value, row by row, left to right. */
  sorted(): T[] {
    const out: T[] = [];
    // forEach skips the rows never set.
    this.rows.forEach((cells) => {
      if (cells === undefined) return;
      const order = cells.cols.map((_, i) => i);
      if (cells.cols.length > 1) order.sort((a, b) => cells.cols[a]! - cells.cols[b]!);
      for (const i of order) out.push(cells.values[i]!);
    });
    return out;
  }
}
