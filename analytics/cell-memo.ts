/**
 * What one column's cells mean, worked out once per distinct cell value: a ledger repeats its
 * units, people, deadlines and status words down thousands of rows, so a row's own work is a
 * lookup. Keyed by the raw value, never by a text derived from it, so a repeat costs no trim and
 * no folding. A memo lives as long as one reading of one sheet.
 */
import { isDayCell, type CellValue, type ErrorCell } from "./sheet/sheet-model.js";

export class CellMemo<T> {
  private readonly texts = new Map<string, T>();
  private readonly numbers = new Map<number, T>();
  /** Date cells by their day, errors by their code: each such cell is an object of its own. */
  private readonly days = new Map<string, T>();
  private readonly errors = new Map<string, T>();
  private readonly flags: [T | undefined, T | undefined] = [undefined, undefined];
  private empty: T | undefined;
  /** The value asked last and its answer: a column often repeats the cell above (a unit's block of rows). */
  private lastValue: CellValue | undefined = undefined;
  private lastHit: T | undefined = undefined;

  /** `read` must not return undefined: that marks a value not met yet. */
  constructor(private readonly read: (value: CellValue) => T) {}

  get(value: CellValue): T {
    if (value === this.lastValue) return this.lastHit!;
    const hit = this.lookUp(value);
    this.lastValue = value;
    this.lastHit = hit;
    return hit;
  }

  private lookUp(value: CellValue): T {
    if (typeof value === "string") {
      let hit = this.texts.get(value);
      if (hit === undefined) this.texts.set(value, (hit = this.read(value)));
      return hit;
    }
    if (typeof value === "number") {
      let hit = this.numbers.get(value);
      if (hit === undefined) this.numbers.set(value, (hit = this.read(value)));
      return hit;
    }
    if (value === null) {
      if (this.empty === undefined) this.empty = this.read(null);
      return this.empty;
    }
    if (typeof value === "boolean") {
      const at = value ? 1 : 0;
      let hit = this.flags[at];
      if (hit === undefined) this.flags[at] = hit = this.read(value);
      return hit;
    }
    const day = isDayCell(value);
    const memo = day ? this.days : this.errors;
    const key = day ? value.day : (value as ErrorCell).error;
    let hit = memo.get(key);
    if (hit === undefined) memo.set(key, (hit = this.read(value)));
    return hit;
  }
}
