/**
 * Everything the pane writes into a workbook, as plain operations. Each host queues them its
 * own way (Office.js in requests within a budget, WPS call by call); the change plan, the
 * 变更记录 log and 撤销 are written as these operations on every host.
 */
import type { OfficeInput } from "./cell-values.js";

/** A block of cells written at once; `formats` (when given) is the number format of each cell. */
export interface CellsOp {
  readonly kind: "cells";
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  /** What typing would put in each cell: a formula "=…", a number, a boolean, or text. */
  readonly inputs: OfficeInput[][];
  readonly formats?: string[][];
  /** A1 cell whose formats are copied onto the block first (a merge being filled). */
  readonly styleFrom?: string;
}

/** A conditional format whose rule is a formula (the live overdue flags on TODAY()). */
export interface FlagOp {
  readonly kind: "flag";
  readonly sheet: string;
  /** Space-separated A1 ranges; the formula is relative to the first range's top-left cell. */
  readonly sqref: string;
  /** Without "=". */
  readonly formula: string;
  /** ARGB, as the plan gives them. */
  readonly fill: string;
  readonly font: string;
}

/** A dropdown list of words on a range. */
export interface ValidationOp {
  readonly kind: "validation";
  readonly sheet: string;
  readonly ref: string;
  readonly words: readonly string[];
  readonly errorStyle: "stop" | "warning";
  readonly title: string;
  readonly prompt: string;
  readonly error: string;
}

export type WriteOp =
  | CellsOp
  | FlagOp
  | ValidationOp
  | { readonly kind: "unmerge" | "merge" | "clear-validation"; readonly sheet: string; readonly ref: string }
  /** `width` in the plan's unit (characters with padding, analytics/normalize/column-width.ts); each host converts it. */
  | { readonly kind: "column-width"; readonly sheet: string; readonly col: number; readonly width: number }
  /** Text wrapped in its cells (on), or no longer (off, when undone). */
  | { readonly kind: "wrap"; readonly sheet: string; readonly ref: string; readonly on: boolean }
  | { readonly kind: "insert-rows"; readonly sheet: string; readonly top: number; readonly count: number }
  | { readonly kind: "add-sheet"; readonly sheet: string }
  | { readonly kind: "header-style"; readonly sheet: string; readonly ref: string }
  /** A4 landscape, every column on one page's width (the change log's print setup, LOG_PRINT). */
  | { readonly kind: "print-wide"; readonly sheet: string }
  /** Deletes a conditional format found by Book.customFormats (its id, on that book). */
  | { readonly kind: "delete-format"; readonly sheet: string; readonly id: number };

/** Excel's limits on a data validation's input message and title (WPS keeps the same). */
export const PROMPT_MAX = 255;
export const TITLE_MAX = 32;

/** "#RRGGBB" from the plan's ARGB "FFRRGGBB". */
export function cssColor(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}
