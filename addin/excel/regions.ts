/// <reference types="office-js" />
/**
 * Loading rectangular regions of cells in as few requests as the budget allows: every region is
 * cut into row chunks, the chunks of all regions are packed into requests, and each request is
 * one context.sync(). A request Excel refuses as too large is retried in halves.
 */
import type { BlockCells, CellProperty } from "../host/blocks.js";
import { isPayloadTooLarge, packRequests, rowChunks, type RequestBudget } from "../host/request-budget.js";

/** A block of cells: 1-based top-left corner and size, as the sheet model counts. */
export interface Region {
  readonly sheet: Excel.Worksheet;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  /** What to load for this region, when not the call's default. */
  readonly property?: CellProperty;
}

/** Cell contents of a region, row by row: `values` (cached results) or `formulas`. */
export type RegionCells = BlockCells;

interface Piece {
  readonly region: number;
  readonly offset: number;
  readonly count: number;
}

export async function loadRegions(
  context: Excel.RequestContext,
  regions: readonly Region[],
  property: CellProperty,
  budget: RequestBudget,
): Promise<RegionCells[]> {
  const out: RegionCells[] = regions.map((r) => ({ raw: new Array(r.rows), formats: new Array(r.rows) }));
  const pieces: Piece[] = [];
  regions.forEach((r, region) => {
    for (const chunk of rowChunks(r.rows, r.cols, budget.cellsPerRequest)) pieces.push({ region, ...chunk });
  });
  const requests = packRequests(pieces, (p) => ({ cells: p.count * regions[p.region]!.cols, ops: 1 }), budget);
  for (const request of requests) await loadRequest(context, regions, request, property, out);
  return out;
}

async function loadRequest(
  context: Excel.RequestContext,
  regions: readonly Region[],
  pieces: readonly Piece[],
  property: CellProperty,
  out: RegionCells[],
): Promise<void> {
  const ranges = pieces.map((p) => {
    const r = regions[p.region]!;
    const range = r.sheet.getRangeByIndexes(r.top - 1 + p.offset, r.left - 1, p.count, r.cols);
    range.load([r.property ?? property, "numberFormat"]);
    return range;
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error) || !pieces.some((p) => p.count > 1)) throw error;
    for (const half of halves(pieces)) await loadRequest(context, regions, half, property, out);
    return;
  }
  pieces.forEach((p, i) => {
    const range = ranges[i]!;
    const raw = range[regions[p.region]!.property ?? property] as unknown[][];
    const formats = range.numberFormat as unknown[][];
    const target = out[p.region]!;
    for (let k = 0; k < p.count; k++) {
      target.raw[p.offset + k] = raw[k] ?? [];
      target.formats[p.offset + k] = formats[k] ?? [];
    }
  });
}

/** The same pieces in two requests: the rows of each piece split down the middle. */
function halves(pieces: readonly Piece[]): Piece[][] {
  const first: Piece[] = [];
  const second: Piece[] = [];
  for (const p of pieces) {
    const head = Math.ceil(p.count / 2);
    first.push({ ...p, count: head });
    if (p.count > head) second.push({ region: p.region, offset: p.offset + head, count: p.count - head });
  }
  return second.length > 0 ? [first, second] : [first];
}
