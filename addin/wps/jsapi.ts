/**
 * Every access to WPS's object model goes through here. WPS 表格's JavaScript API
 * (`window.Application`, close to Excel VBA) is synchronous, and one member may be a property
 * in one WPS version and a zero-argument method in another (`Range.Value2` or `Range.Value2()`,
 * `Sheets.Count` or `Sheets.Count()`): `get` reads either, `call` invokes a method with
 * arguments, `put` assigns a property. Learnt from tmustier/pi-for-excel (src/host/wps/jsapi.ts),
 * which meets the same variance; written here for this project.
 */

import { CataloguedError, userMessage } from "../../analytics/findings/user-message.js";

/** An object of WPS's object model (or of the fake in the tests). */
export type WpsObject = object;

/** A member WPS did not give: a clear message in the clerk's language rather than "undefined is not a function". */
export class WpsApiError extends CataloguedError {
  override readonly name = "WpsApiError";

  constructor(member: string) {
    super(userMessage("pane-wps-lacks", { member }));
  }
}

function member(owner: WpsObject, name: string): unknown {
  return (owner as Record<string, unknown>)[name];
}

/** A property's value, or what the zero-argument method of that name returns. */
export function get<T = unknown>(owner: WpsObject, name: string): T {
  const value = member(owner, name);
  return (typeof value === "function" ? (value as () => unknown).call(owner) : value) as T;
}

/** Like `get`, for a member that must be an object of the model (a range, a collection). */
export function obj(owner: WpsObject, name: string): WpsObject {
  const value = get(owner, name);
  if (typeof value !== "object" || value === null) throw new WpsApiError(name);
  return value;
}

/** Calls a method with arguments: Item(i), Range("A1"), Add(...). */
export function call<T = unknown>(owner: WpsObject, name: string, ...args: unknown[]): T {
  const method = member(owner, name);
  if (typeof method !== "function") throw new WpsApiError(`${name}()`);
  return (method as (...a: unknown[]) => unknown).apply(owner, args) as T;
}

/** `call` for a method that returns an object of the model. */
export function callObj(owner: WpsObject, name: string, ...args: unknown[]): WpsObject {
  const value = call(owner, name, ...args);
  if (typeof value !== "object" || value === null) throw new WpsApiError(`${name}()`);
  return value;
}

/**
 * Assigns a property. Assumed the same in every WPS version, as pi-for-excel assumes when it
 * assigns `Range.Formula` whatever the version; not checked against a real WPS.
 */
export function put(owner: WpsObject, name: string, value: unknown): void {
  (owner as Record<string, unknown>)[name] = value;
}

/** Does the object have this member at all (a method WPS versions may lack: SetFirstPriority)? */
export function has(owner: WpsObject, name: string): boolean {
  return member(owner, name) !== undefined;
}

/** A collection's Count, as a number. */
export function count(collection: WpsObject): number {
  const n = Number(get(collection, "Count"));
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** The members of a 1-based collection, in order. */
export function items(collection: WpsObject): WpsObject[] {
  const out: WpsObject[] = [];
  for (let i = 1, n = count(collection); i <= n; i++) out.push(callObj(collection, "Item", i));
  return out;
}

/** VBA colors are BGR integers; the plan's are ARGB "FFRRGGBB" (or "#RRGGBB"). */
export function bgr(color: string): number {
  const hex = color.replace(/^#/u, "");
  const rgb = hex.length === 8 ? hex.slice(2) : hex;
  const r = parseInt(rgb.slice(0, 2), 16);
  const g = parseInt(rgb.slice(2, 4), 16);
  const b = parseInt(rgb.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/**
 * A range's Value2 (or Formula) as rows of cells: a single cell comes back as a scalar, a block
 * as an array of rows.
 */
export function grid(value: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (rows === 1 && !Array.isArray(value[0])) return [value.slice(0, cols)];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}
