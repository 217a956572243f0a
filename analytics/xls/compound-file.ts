/**
 * The Workbook stream of an .xls, out of its OLE compound file ([MS-CFB]), read by the `cfb`
 * package (SheetJS's reader). cfb trusts the file's chains: a cycle in the sector table
 * (FAT) sends one of its loops round for ever, chains entered in the middle are copied again
 * from each entry point (quadratic in time and memory), and a directory whose entries point
 * at each other loops while it builds their paths. So the structure is checked here first,
 * in bounded steps and memory, and only a container that cannot mislead it is handed over:
 * the DIFAT chain as cfb follows it, every FAT chain acyclic and entered once, the sectors
 * cfb would copy at most a few times the file, the directory a tree of at most 4,096 entries.
 */
import * as CFB from "cfb";
import { userMessage } from "../findings/user-message.js";
import { readError, type WorkbookReadError } from "../xlsx/read-errors.js";

const FREESECT = -1;
const ENDOFCHAIN = -2;
/** DIFAT sectors cfb would follow (each lists 127 FAT sectors: 2,000 of them map 16 GB). */
const MAX_DIFAT_SECTORS = 2_000;
/** Directory entries: an .xls holds about ten; thousands are no workbook. */
const MAX_DIRECTORY_ENTRIES = 4_096;
const DIRECTORY_ENTRY_BYTES = 128;
/** Stream names are at most 31 characters and their terminator (64 bytes) by [MS-CFB] 2.6.1. */
const MAX_NAME_BYTES = 64;
const STREAM = 2;
/** Streams this long or longer live in the FAT's sectors, shorter ones in the mini stream. */
const MINI_STREAM_CUTOFF = 4_096;

/**
 * The bytes of the Workbook stream; a damaged container, or none, is refused (exit 2). In Node,
 * hand it a Buffer: cfb slices a Buffer's sectors as views and joins them once, but copies a
 * plain Uint8Array's into arrays of numbers (an 8 MB .xls: 757 ms and 379 MiB that way, 34 ms
 * and 104 MiB as a Buffer).
 */
export function workbookStream(bytes: Uint8Array): Uint8Array {
  checkContainer(bytes);
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: "array" });
  } catch {
    throw damaged();
  }
  const root = container.FullPaths[0] ?? "";
  const named = (name: string) =>
    container.FileIndex.find((entry, i) => entry.type === STREAM && container.FullPaths[i]?.toLowerCase() === (root + name).toLowerCase());
  const workbook = named("Workbook");
  if (workbook === undefined) {
    if (named("Book") !== undefined) throw readError("legacy-xls", userMessage("xls-biff5"));
    throw readError("corrupt", userMessage("xls-no-workbook-stream"));
  }
  // cfb hands back a typed array or, given one outside Node, a plain array of bytes.
  const content = workbook.content as ArrayLike<number> | undefined;
  if (content === undefined || content.length < workbook.size) throw damaged();
  if (content instanceof Uint8Array) return content.subarray(0, workbook.size);
  return Uint8Array.from(Array.prototype.slice.call(content, 0, workbook.size) as number[]);
}

function damaged(): WorkbookReadError {
  return readError("corrupt", userMessage("xls-container-damaged"));
}

/** What cfb is about to walk, walked first with every count bounded. */
function checkContainer(bytes: Uint8Array): void {
  if (bytes.length < 512) throw damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw damaged();
  const size = 1 << shift;
  const sectors = Math.ceil(bytes.length / size) - 1;
  const sectorAt = (n: number) => size * (n + 1);
  const fatSectors = fatSectorList(view, size, sectors, sectorAt);
  const next = sectorTable(view, size, sectors, fatSectors, sectorAt);
  const directoryStart = view.getInt32(0x30, true);
  if (directoryStart < 0 || directoryStart >= sectors) throw damaged();
  checkChains(next);
  const directory = chainOf(next, directoryStart);
  if ((directory.length * size) / DIRECTORY_ENTRY_BYTES > MAX_DIRECTORY_ENTRIES) throw damaged();
  const streamStarts = checkDirectory(view, directory, size, sectors, sectorAt);
  checkCopyCost(next, directoryStart, streamStarts);
}

/** The FAT sectors as cfb collects them: 109 in the header, then along the DIFAT chain. */
function fatSectorList(view: DataView, size: number, sectors: number, sectorAt: (n: number) => number): number[] {
  const list: number[] = [];
  for (let i = 0; i < 109; i++) {
    const q = view.getInt32(0x4c + i * 4, true);
    if (q < 0) break;
    list.push(q);
  }
  let difat = view.getInt32(0x44, true);
  let count = view.getInt32(0x48, true);
  if (count < 0 || count > MAX_DIFAT_SECTORS) throw damaged();
  const seen = new Set<number>();
  // cfb reads one DIFAT sector, then one more for each left in the count: at most count + 1.
  while (difat !== ENDOFCHAIN && difat !== FREESECT) {
    if (difat < 0 || difat >= sectors) return list;
    if (seen.has(difat)) throw damaged();
    seen.add(difat);
    const at = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const q = view.getInt32(at + i * 4, true);
      if (q === ENDOFCHAIN) break;
      list.push(q);
    }
    if (count < 1) break;
    count--;
    difat = view.getInt32(at + size - 4, true);
  }
  return list;
}

/** next[s]: the sector after s in its chain, or a negative marker; ENDOFCHAIN where no FAT covers s. */
function sectorTable(view: DataView, size: number, sectors: number, fatSectors: readonly number[], sectorAt: (n: number) => number): Int32Array {
  const next = new Int32Array(sectors).fill(ENDOFCHAIN);
  const perSector = size / 4;
  for (let s = 0; s < sectors; s++) {
    const fat = fatSectors[Math.floor(s / perSector)];
    if (fat === undefined || fat < 0 || fat >= sectors) continue;
    const value = view.getInt32(sectorAt(fat) + (s % perSector) * 4, true);
    if (value >= sectors) throw damaged(); // a chain leading out of the file
    next[s] = value;
  }
  return next;
}

/** Every chain acyclic and no sector in two chains. */
function checkChains(next: Int32Array): void {
  const entered = new Uint8Array(next.length);
  for (let s = 0; s < next.length; s++) {
    const to = next[s]!;
    if (to < 0) continue;
    if (entered[to]) throw damaged();
    entered[to] = 1;
  }
  // With each sector entered at most once, a sector on a cycle is never reached from a head.
  const reached = new Uint8Array(next.length);
  for (let s = 0; s < next.length; s++) {
    if (entered[s]) continue;
    for (let j = s; j >= 0 && !reached[j]; j = next[j]!) reached[j] = 1;
  }
  for (let s = 0; s < next.length; s++) if (next[s]! >= 0 && !reached[s]) throw damaged();
}

function chainOf(next: Int32Array, start: number): number[] {
  const chain: number[] = [];
  for (let j = start; j >= 0; j = next[j]!) chain.push(j);
  return chain;
}

/**
 * The directory: names within their field, every link to an entry that exists, each entry
 * linked at most once and the root never, so the links form a tree. Returns where each
 * stream in the FAT's sectors starts.
 */
function checkDirectory(view: DataView, directory: readonly number[], size: number, sectors: number, sectorAt: (n: number) => number): number[] {
  const perSector = size / DIRECTORY_ENTRY_BYTES;
  const count = directory.length * perSector;
  const linked = new Uint8Array(count);
  const children: number[][] = [];
  const starts: number[] = [];
  for (let e = 0; e < count; e++) {
    const at = sectorAt(directory[Math.floor(e / perSector)]!) + (e % perSector) * DIRECTORY_ENTRY_BYTES;
    if (at + DIRECTORY_ENTRY_BYTES > view.byteLength) throw damaged();
    if (view.getUint16(at + 64, true) > MAX_NAME_BYTES) throw damaged();
    const links: number[] = [];
    for (const offset of [68, 72, 76]) {
      const to = view.getInt32(at + offset, true);
      if (to === FREESECT) continue;
      if (to < 1 || to >= count || linked[to]) throw damaged();
      linked[to] = 1;
      links.push(to);
    }
    children.push(links);
    const start = view.getInt32(at + 116, true);
    const streamSize = view.getUint32(at + 120, true);
    if (view.getUint8(at + 66) === STREAM && streamSize >= MINI_STREAM_CUTOFF) {
      if (start < 0 || start >= sectors) throw damaged();
      starts.push(start);
    }
  }
  // Linked at most once, the root never: a cycle would be an island the root does not reach.
  const reached = new Uint8Array(count);
  const stack = [0];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (reached[e]) continue;
    reached[e] = 1;
    stack.push(...children[e]!);
  }
  for (let e = 0; e < count; e++) if (linked[e] && !reached[e]) throw damaged();
  return starts;
}

/**
 * How many sectors cfb will copy: it copies each chain from every sector it starts at that is
 * not yet seen, in order from the directory's sector round, and each stream again from its
 * start when that lies inside a chain. A file laid out by any writer costs about its size;
 * one made to cost the square of it is refused here, before cfb spends the memory.
 */
function checkCopyCost(next: Int32Array, directoryStart: number, streamStarts: readonly number[]): void {
  const n = next.length;
  const budget = 4 * n + 64;
  let cost = 0;
  const copied = new Uint8Array(n);
  const heads = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = (i + directoryStart) % n;
    if (copied[k]) continue;
    heads[k] = 1;
    for (let j = k; j >= 0; j = next[j]!) {
      copied[j] = 1;
      if (++cost > budget) throw damaged();
    }
  }
  const extra = new Set<number>();
  for (const start of streamStarts) {
    if (heads[start] || extra.has(start)) continue;
    extra.add(start);
    for (let j = start; j >= 0; j = next[j]!) if (++cost > budget) throw damaged();
  }
}
