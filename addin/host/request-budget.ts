/**
 * How much one request (one context.sync) may carry. Excel on the web refuses a request or
 * response over about 5 MB; desktop Excel has no such cap but slows down on huge ranges.
 * Reads and writes are cut into row chunks that stay under the budget, and chunks are packed
 * into as few requests as the budget allows, so the number of syncs depends on the payload,
 * never on the row count as such.
 */

export interface RequestBudget {
  /** Cells whose values and number formats one request may load or write. */
  readonly cellsPerRequest: number;
  /** Separate range operations (writes, merges, formats) one request may queue. */
  readonly opsPerRequest: number;
}

/**
 * Excel on the web: a ledger cell costs 25–50 bytes of JSON for its value plus about 12 for
 * its number format (measured on the 10,000-row bench ledger); 40,000 cells leave room for
 * sheets of long text. A request that still comes back too large is retried in halves.
 */
export const WEB_BUDGET: RequestBudget = { cellsPerRequest: 40_000, opsPerRequest: 2_000 };

/** Desktop Excel (Windows, Mac): a 100,000-row ledger of 15 columns in one request. */
export const DESKTOP_BUDGET: RequestBudget = { cellsPerRequest: 1_500_000, opsPerRequest: 20_000 };

/** Office.context.platform is "OfficeOnline" in a browser. */
export function budgetFor(platform: string | null | undefined): RequestBudget {
  return platform === "OfficeOnline" ? WEB_BUDGET : DESKTOP_BUDGET;
}

/** A block of rows of one rectangular region: 0-based offset from its first row. */
export interface RowChunk {
  readonly offset: number;
  readonly count: number;
}

/** Rows of a region of `columnCount` columns, cut so that each chunk stays within `cells`. */
export function rowChunks(rowCount: number, columnCount: number, cells: number): RowChunk[] {
  if (rowCount <= 0 || columnCount <= 0) return [];
  const rowsPerChunk = Math.max(1, Math.floor(cells / columnCount));
  const chunks: RowChunk[] = [];
  for (let offset = 0; offset < rowCount; offset += rowsPerChunk) {
    chunks.push({ offset, count: Math.min(rowsPerChunk, rowCount - offset) });
  }
  return chunks;
}

/**
 * Packs work items, in order, into requests: a request closes when the next item would take
 * it past the cell or operation budget. An item larger than the budget gets a request alone.
 */
export function packRequests<T>(items: readonly T[], cost: (item: T) => { cells: number; ops: number }, budget: RequestBudget): T[][] {
  const requests: T[][] = [];
  let current: T[] = [];
  let cells = 0;
  let ops = 0;
  for (const item of items) {
    const c = cost(item);
    if (current.length > 0 && (cells + c.cells > budget.cellsPerRequest || ops + c.ops > budget.opsPerRequest)) {
      requests.push(current);
      current = [];
      cells = 0;
      ops = 0;
    }
    current.push(item);
    cells += c.cells;
    ops += c.ops;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * Office.js errors that mean "this request was too big" (the web's payload cap, or too many
 * cells for one operation on any host): split it and try again.
 */
const TOO_LARGE = new Set([
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
  "PayloadTooLarge",
  "OperationCellsExceedLimit",
  "RangeExceedsLimit",
]);

export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TOO_LARGE.has(code);
}
