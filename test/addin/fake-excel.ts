/**
 * A small in-memory Excel behind the Office.js object model, for testing the add-in's adapter
 * without Office. Loadable objects (workbook, worksheet collection, worksheets, ranges, areas, conditional
 * formats) are office-addin-mock OfficeMockObjects, so a property read before load() and
 * context.sync() gives the mock's "not loaded" error, as Office.js would throw. Around them:
 *
 * - every context.sync() is counted, with what it loaded (and the JSON bytes of that response)
 *   and what it wrote, so tests can assert requests and batches;
 * - writes go to the store the way typing does in Excel: "3" becomes a number, "2019/9/30" a
 *   date, "#N/A" an error, "'3" stays text, "=…" is a formula;
 * - an optional response cap throws Office's ResponsePayloadSizeLimitExceeded, as Excel on the
 *   web does near 5 MB.
 */
import { OfficeMockObject } from "office-addin-mock";
import { dayToSerial, serialToDay } from "../../analytics/day.js";
import { a1, columnLetter, GRID_COLUMNS, GRID_ROWS } from "../../analytics/sheet/address.js";
import type { CellRange, CellValue, Sheet } from "../../analytics/sheet/sheet-model.js";
import { range as parseRef } from "../helpers/sheet.js";

export const ZH_DATE = 'yyyy"年"m"月"d"日"';

type Raw = string | number | boolean;
interface StoredCell {
  raw: Raw;
  formula?: string;
  error?: boolean;
}

export interface FakeFormat {
  readonly type: string;
  readonly sqref: string;
  custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
  deleted: boolean;
}

export interface FakeValidation {
  readonly ref: string;
  rule?: unknown;
  errorAlert?: { style?: string; message?: string };
  prompt?: { message?: string };
  cleared: boolean;
}

export interface FakeChart {
  readonly type: string;
  /** Bound data, without the sheet name. */
  readonly source: string;
  readonly seriesBy: string;
  title: string;
  from?: string;
  to?: string;
  seriesColors: string[];
  pointColors: string[];
  reversePlotOrder?: boolean;
}

export interface LoadRecord {
  readonly sheet: string;
  readonly address: string;
  readonly props: readonly string[];
}

export interface OpRecord {
  readonly op: string;
  readonly sheet: string;
  readonly ref: string;
  readonly cells?: number;
}

export interface Batch {
  readonly loads: LoadRecord[];
  readonly ops: OpRecord[];
  /** UTF-8 bytes of the JSON the loads return. */
  bytes: number;
}

/** UTF-8 bytes of a string (runs in Node and, for the pane test, in the browser). */
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function refOf(b: CellRange): string {
  if (b.left === 1 && b.right === GRID_COLUMNS) return `${b.top}:${b.bottom}`;
  if (b.top === 1 && b.bottom === GRID_ROWS) return `${columnLetter(b.left)}:${columnLetter(b.right)}`;
  const from = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? from : `${from}:${a1(b.bottom, b.right)}`;
}

/** "A1", "A1:B5", "3:5", "C:D", "Sheet1!A1" as bounds. */
export function boundsOf(ref: string): CellRange {
  const bare = ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: GRID_COLUMNS };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(bare);
  if (cols) return { ...parseRef(`${cols[1]}1:${cols[2]}1`), top: 1, bottom: GRID_ROWS };
  return parseRef(bare);
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

const ERRORS = new Set(["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"]);

/** What typing `input` into a cell makes of it (zh-CN Excel), and the format it brings along. */
export function typed(input: unknown): { cell: StoredCell | undefined; format?: string } {
  if (input === "" || input === null || input === undefined) return { cell: undefined };
  if (typeof input === "number" || typeof input === "boolean") return { cell: { raw: input } };
  const text = String(input);
  if (text.startsWith("'")) return { cell: { raw: text.slice(1) } };
  if (text.startsWith("=")) return { cell: { raw: "", formula: text.slice(1) } };
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return { cell: { raw: Number(text) } };
  let m = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (m) return { cell: { raw: Number(m[1]) / 100 }, format: "0%" };
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) return { cell: { raw: serialOf(+m[1]!, +m[2]!, +m[3]!) }, format: "yyyy/m/d" };
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) return { cell: { raw: serialOf(2019, +m[1]!, +m[2]!) }, format: "m月d日" };
  if (/^(true|false)$/i.test(text)) return { cell: { raw: text.toLowerCase() === "true" } };
  if (ERRORS.has(text)) return { cell: { raw: text, error: true } };
  return { cell: { raw: text } };
}

function serialOf(y: number, m: number, d: number): number {
  return dayToSerial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

export class FakeSheet {
  visibility = "Visible";
  readonly cells: ((StoredCell | undefined)[] | undefined)[] = [];
  readonly formats: ((string | undefined)[] | undefined)[] = [];
  merges: CellRange[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  readonly conditionalFormats: FakeFormat[] = [];
  readonly validations: FakeValidation[] = [];
  readonly charts: FakeChart[] = [];
  /**
   * Column widths as the screen has them, in whole pixels at 96 dpi: each host reports them in
   * its own unit (Office.js points, WPS characters). A column never set has the sheet's default
   * (8.43 characters of Calibri 11: 64 px); Excel and WPS report a hidden column as 0 wide.
   */
  readonly columnPixels = new Map<number, number>();
  defaultColumnPixels = 64;
  /** The widest digit of the workbook's Normal font, in pixels (Calibri 11: 7). */
  digitWidth = 7;
  /** A1 cells whose text wraps. */
  readonly wrapped = new Set<string>();
  /** What the add-in set of the sheet's page layout (orientation, paperSize, zoom). */
  readonly pageLayout: Record<string, unknown> = {};

  constructor(public name: string) {}

  cell(row: number, col: number): StoredCell | undefined {
    return this.cells[row - 1]?.[col - 1];
  }

  /** A column's width on screen (0 when hidden). */
  pixelsOf(col: number): number {
    return this.hiddenColumns.has(col) ? 0 : (this.columnPixels.get(col) ?? this.defaultColumnPixels);
  }

  /** Sizing a column shows it, in Excel and in WPS alike. */
  setPixels(col: number, pixels: number): void {
    this.columnPixels.set(col, pixels);
    this.hiddenColumns.delete(col);
  }

  format(row: number, col: number): string {
    return this.formats[row - 1]?.[col - 1] ?? "General";
  }

  setCell(row: number, col: number, cell: StoredCell | undefined): void {
    (this.cells[row - 1] ??= [])[col - 1] = cell;
  }

  setFormat(row: number, col: number, format: string): void {
    (this.formats[row - 1] ??= [])[col - 1] = format;
  }

  /** Bounds of the cells that hold something (Excel's used range, values only). */
  used(): CellRange | null {
    let top = 0, bottom = 0, left = Infinity, right = 0;
    this.cells.forEach((row, r) => {
      row?.forEach((c, i) => {
        if (c === undefined) return;
        if (top === 0) top = r + 1;
        bottom = r + 1;
        left = Math.min(left, i + 1);
        right = Math.max(right, i + 1);
      });
    });
    return top === 0 ? null : { top, bottom, left, right };
  }

  /** The value as `values` returns it. */
  valueAt(row: number, col: number): Raw {
    const c = this.cell(row, col);
    return c === undefined ? "" : c.raw;
  }

  /** The cell as `formulas` returns it. */
  formulaAt(row: number, col: number): Raw {
    const c = this.cell(row, col);
    if (c === undefined) return "";
    return c.formula !== undefined ? `=${c.formula}` : c.raw;
  }

  /** The cell as the core's sheet model has it (dates by their format). */
  modelValue(row: number, col: number): CellValue {
    const c = this.cell(row, col);
    if (c === undefined) return null;
    if (c.error) return { error: String(c.raw) };
    if (typeof c.raw === "number" && /[ymd年月日]/.test(this.format(row, col))) return { day: serialToDay(c.raw)! };
    return c.raw === "" ? null : c.raw;
  }

  write(row: number, col: number, input: unknown): void {
    const { cell, format } = typed(input);
    this.setCell(row, col, cell);
    if (format && this.format(row, col) === "General") this.setFormat(row, col, format);
  }

  insertRows(top: number, count: number): void {
    this.cells.splice(top - 1, 0, ...new Array<undefined>(count).fill(undefined));
    this.formats.splice(top - 1, 0, ...new Array<undefined>(count).fill(undefined));
    this.merges = this.merges.map((m) => (m.top >= top ? { ...m, top: m.top + count, bottom: m.bottom + count } : m));
  }

  merge(b: CellRange): void {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (r !== b.top || c !== b.left) this.setCell(r, c, undefined);
    this.merges.push(b);
  }

  unmerge(b: CellRange): void {
    this.merges = this.merges.filter((m) => !intersects(m, b));
  }
}

/** The store loaded from a core Sheet (as read from a fixture workbook). */
export function fakeSheetFrom(sheet: Sheet): FakeSheet {
  const fake = new FakeSheet(sheet.name);
  if (sheet.hidden) fake.visibility = "Hidden";
  sheet.rows.forEach((row, r) => {
    row?.forEach((v, c) => {
      if (v === null) return;
      const address = a1(r + 1, c + 1);
      let cell: StoredCell;
      if (typeof v === "object") {
        if ("day" in v) {
          cell = { raw: dayToSerial(v.day) };
          fake.setFormat(r + 1, c + 1, sheet.dateFormats?.get(address) ?? ZH_DATE);
        } else cell = { raw: v.error, error: true };
      } else cell = { raw: v };
      if (typeof v === "number" && sheet.percentCells?.has(address)) fake.setFormat(r + 1, c + 1, "0%");
      if (sheet.formulaCells.has(address)) cell.formula = "CACHED()";
      fake.setCell(r + 1, c + 1, cell);
    });
  });
  fake.merges = [...sheet.merges];
  fake.hiddenRows = new Set(sheet.hiddenRows);
  fake.hiddenColumns = new Set(sheet.hiddenColumns ?? []);
  return fake;
}

/** A sheet of `rows` rows like a ledger: title, header, then items with long Chinese text. */
export function ledgerSheet(name: string, items: number): FakeSheet {
  const fake = new FakeSheet(name);
  fake.write(1, 1, "巡察反馈问题整改任务清单");
  ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "责任人", "完成时限", "完成情况", "是否销号", "备注"].forEach((h, i) =>
    fake.write(2, i + 1, h),
  );
  const units = ["办公室", "党建办", "财务股", "政工人事股", "区人民医院", "医政医管股"];
  const statuses = ["已完成", "正在推进", "未开始", "整改中", "已销号"];
  for (let i = 1; i <= items; i++) {
    const r = i + 2;
    fake.setCell(r, 1, { raw: i });
    fake.setCell(r, 2, { raw: i % 3 === 0 ? "党的建设缺失方面" : "党的领导弱化方面" });
    fake.setCell(r, 3, { raw: `第${i}项问题：学习贯彻习近平新时代中国特色社会主义思想不够深入` });
    fake.setCell(r, 4, { raw: "制定完善学习计划，每月组织一次中心组学习，班子成员交流研讨" });
    fake.setCell(r, 5, { raw: "周亚平" });
    fake.setCell(r, 6, { raw: units[i % units.length]! });
    fake.setCell(r, 7, { raw: "彭丽娟" });
    fake.setCell(r, 8, { raw: dayToSerial(`2019-${String((i % 12) + 1).padStart(2, "0")}-28`) });
    fake.setFormat(r, 8, ZH_DATE);
    fake.setCell(r, 9, { raw: statuses[i % statuses.length]! });
    if (i % 5 === 4) fake.setCell(r, 10, { raw: "是" });
  }
  return fake;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mock = Record<string, any>;

function mockOf(data: Record<string, unknown>): Mock {
  return new OfficeMockObject(data) as unknown as Mock;
}

export interface FakeExcelOptions {
  readonly workbookName?: string;
  /** Refuse responses larger than this many bytes, as Excel on the web does. */
  readonly responseLimit?: number;
  /** The error code of the refusal (desktop Excel says OperationCellsExceedLimit). */
  readonly refusalCode?: string;
  /** The workbook is on the 1904 date system (DATE(1904,1,1) is 0, not 1462). */
  readonly date1904?: boolean;
  /** The Normal style's font (Calibri 11 when absent); null: no style answers to "Normal". */
  readonly normalFont?: { readonly name: string; readonly size: number } | null;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly batches: Batch[] = [];
  /** Selected cell and active sheet, as the last select() / activate() left them. */
  selection: { sheet: string; ref: string } | null = null;
  active: string | null = null;
  private current: Batch = { loads: [], ops: [], bytes: 0 };
  private pending = new Set<Mock>();
  /** An error the next sync throws (a request that named something missing); the batch is lost. */
  private failure: Error | null = null;
  readonly context: Excel.RequestContext;

  constructor(sheets: FakeSheet[], private readonly options: FakeExcelOptions = {}) {
    this.sheets.push(...sheets);
    const workbook = this.track(mockOf({ name: options.workbookName ?? "台账.xlsx" }));
    workbook.worksheets = this.worksheetsMock();
    workbook.styles = { getItem: (name: string) => this.styleMock(name) };
    workbook.functions = { date: (year: number, month: number, day: number) => this.track(mockOf({ value: this.serialOfDate(year, month, day) })) };
    this.context = { workbook, sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  /** A style by name: its font loads; a name the workbook lacks fails the request, as Office.js's ItemNotFound does. */
  private styleMock(name: string): Mock {
    const font = this.options.normalFont === undefined ? { name: "Calibri", size: 11 } : this.options.normalFont;
    if (name !== "Normal" || font === null) {
      this.failure = Object.assign(new Error(`The requested resource doesn't exist: style ${name}`), { code: "ItemNotFound" });
      return { font: { load: () => ({}) } };
    }
    return { font: this.track(mockOf({ ...font }), undefined, () => ({ sheet: "", address: `style ${name}` })) };
  }

  /** What Excel's DATE() gives, in this workbook's date system. */
  private serialOfDate(year: number, month: number, day: number): number {
    const serial1900 = dayToSerial(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    return this.options.date1904 ? serial1900 - 1462 : serial1900;
  }

  get syncs(): number {
    return this.batches.length;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Forget the counts so far (after setting up). */
  resetCounts(): void {
    this.batches.length = 0;
  }

  private async sync(): Promise<void> {
    const batch = this.current;
    this.current = { loads: [], ops: [], bytes: 0 };
    this.batches.push(batch);
    const limit = this.options.responseLimit;
    const loaded = [...this.pending];
    this.pending.clear();
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
    if (limit !== undefined && batch.bytes > limit) {
      throw Object.assign(new Error("The request is too large."), { code: this.options.refusalCode ?? "ResponsePayloadSizeLimitExceeded" });
    }
    for (const mock of loaded) await mock.sync();
    // office-addin-mock settles loaded properties in microtasks; let them run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  private record(op: string, sheet: string, ref: string, cells?: number): void {
    this.current.ops.push(cells === undefined ? { op, sheet, ref } : { op, sheet, ref, cells });
  }

  /** Calls to load() register the object for the next sync. */
  private track(mock: Mock, compute?: (prop: string) => unknown, describe?: () => { sheet: string; address: string }): Mock {
    const original = OfficeMockObject.prototype.load;
    mock.load = (arg?: string | string[]) => {
      const props = (Array.isArray(arg) ? arg : String(arg ?? "").split(","))
        .map((p) => p.trim())
        .filter((p) => p !== "")
        .map((p) => (p.startsWith("items/") ? "items" : p));
      const unique = [...new Set(props)];
      if (compute) {
        for (const p of unique) {
          const value = compute(p);
          if (value !== undefined) {
            mock.setValue(p, value);
            this.current.bytes += utf8Length(JSON.stringify(value));
          }
        }
      }
      if (describe) this.current.loads.push({ ...describe(), props: unique });
      this.pending.add(mock);
      original.call(mock as unknown as OfficeMockObject, unique);
      return mock;
    };
    return mock;
  }

  private worksheetsMock(): Mock {
    const fake = this;
    const mock = mockOf({ items: [] });
    this.track(mock, (p) => (p === "items" ? fake.sheets.map((s) => fake.worksheetMock(s).load("name,visibility")) : undefined));
    mock.getItem = (name: string) => fake.worksheetMock(fake.sheet(name));
    mock.getItemOrNullObject = (name: string) => {
      const s = fake.sheets.find((x) => x.name === name);
      return s ? fake.worksheetMock(s) : fake.nullMock({ name: "" });
    };
    mock.add = (name: string) => {
      const s = new FakeSheet(name);
      fake.sheets.push(s);
      fake.record("add-sheet", name, "");
      return fake.worksheetMock(s);
    };
    return mock;
  }

  private nullMock(data: Record<string, unknown>): Mock {
    const mock = this.track(mockOf(data));
    mock.isNullObject = true;
    return mock;
  }

  private worksheetMock(sheet: FakeSheet): Mock {
    const fake = this;
    const ws = this.track(mockOf({ name: sheet.name, visibility: sheet.visibility }));
    ws.isNullObject = false;
    ws.pageLayout = sheet.pageLayout;
    ws.getUsedRange = () => fake.rangeMock(sheet, sheet.used() ?? { top: 1, left: 1, bottom: 1, right: 1 });
    ws.getRange = (address?: string) => fake.rangeMock(sheet, address ? boundsOf(address) : { top: 1, left: 1, bottom: GRID_ROWS, right: GRID_COLUMNS });
    ws.getRangeByIndexes = (row: number, col: number, rows: number, cols: number) =>
      fake.rangeMock(sheet, { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols });
    ws.getRanges = (address: string) => {
      const refs = address.split(",").map((s) => s.trim());
      return { conditionalFormats: fake.formatsOf(sheet, refs.join(" ")) };
    };
    ws.activate = () => {
      fake.active = sheet.name;
      fake.record("activate", sheet.name, "");
    };
    ws.delete = () => {
      fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
      fake.record("delete-sheet", sheet.name, "");
    };
    ws.charts = { add: (type: string, source: Mock, seriesBy: string) => fake.addChart(sheet, type, source, seriesBy) };
    return ws;
  }

  private addChart(sheet: FakeSheet, type: string, source: Mock, seriesBy: string): unknown {
    const chart: FakeChart = { type, source: source.ref as string, seriesBy, title: "", seriesColors: [], pointColors: [] };
    sheet.charts.push(chart);
    this.record("add-chart", sheet.name, chart.source);
    const fill = (set: (c: string) => void) => ({ format: { fill: { setSolidColor: set } } });
    return {
      title: { set text(t: string) { chart.title = t; } },
      legend: { position: "" },
      setPosition: (from: string, to: string) => {
        chart.from = from;
        chart.to = to;
      },
      series: {
        getItemAt: (i: number) => ({
          ...fill((c) => (chart.seriesColors[i] = c)),
          points: { getItemAt: (j: number) => fill((c) => (chart.pointColors[j] = c)) },
        }),
      },
      axes: { categoryAxis: { set reversePlotOrder(v: boolean) { chart.reversePlotOrder = v; } } },
      dataLabels: { showValue: false },
    };
  }

  private areasMock(sheet: FakeSheet, areas: CellRange[], kind: string): Mock {
    const address = areas.map((b) => `${sheetRef(sheet.name)}!${refOf(b)}`).join(", ");
    const mock = this.track(mockOf({ address }), undefined, () => ({ sheet: sheet.name, address: kind }));
    mock.isNullObject = areas.length === 0;
    return mock;
  }

  private formatsOf(sheet: FakeSheet, sqref: string): Mock {
    const fake = this;
    const mock = mockOf({ items: [] });
    this.track(mock, (p) =>
      p === "items"
        ? sheet.conditionalFormats
            .filter((f) => !f.deleted)
            .map((f) => {
              const item = mockOf({ type: f.type });
              item.load("type");
              fake.pending.add(item);
              item.custom = { rule: fake.track(mockOf({ formula: f.custom.rule.formula })) };
              item.delete = () => {
                f.deleted = true;
                fake.record("delete-format", sheet.name, f.sqref);
              };
              return item;
            })
        : undefined,
    );
    mock.add = (type: string) => {
      const format: FakeFormat = { type, sqref, custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "" } } }, deleted: false };
      sheet.conditionalFormats.push(format);
      fake.record("add-format", sheet.name, sqref);
      return format;
    };
    return mock;
  }

  private rangeMock(sheet: FakeSheet, b: CellRange): Mock {
    const fake = this;
    const ref = refOf(b);
    const grid = (at: (r: number, c: number) => unknown): unknown[][] =>
      Array.from({ length: b.bottom - b.top + 1 }, (_, i) => Array.from({ length: b.right - b.left + 1 }, (_, j) => at(b.top + i, b.left + j)));
    const mock = mockOf({
      address: `${sheetRef(sheet.name)}!${ref}`,
      rowIndex: b.top - 1,
      columnIndex: b.left - 1,
      rowCount: b.bottom - b.top + 1,
      columnCount: b.right - b.left + 1,
      values: [],
      formulas: [],
      numberFormat: [],
    });
    this.track(
      mock,
      (p) => {
        if (p === "values") return grid((r, c) => sheet.valueAt(r, c));
        if (p === "formulas") return grid((r, c) => sheet.formulaAt(r, c));
        if (p === "numberFormat") return grid((r, c) => sheet.format(r, c));
        if (p === "columnHidden") return columnsOf().every((c) => sheet.hiddenColumns.has(c));
        return undefined;
      },
      () => ({ sheet: sheet.name, address: ref }),
    );
    mock.ref = ref;
    function columnsOf(): number[] {
      return Array.from({ length: b.right - b.left + 1 }, (_, j) => b.left + j);
    }
    const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    const writeGrid = (prop: string, apply: (r: number, c: number, v: unknown) => void) => {
      let current = mock[prop];
      Object.defineProperty(mock, prop, {
        configurable: true,
        get: () => current,
        set: (v: unknown) => {
          if (v === mock._properties.get(prop)?._value) {
            current = v;
            return;
          }
          const rows = v as unknown[][];
          rows.forEach((row, i) => row.forEach((x, j) => apply(b.top + i, b.left + j, x)));
          fake.record(prop, sheet.name, ref, cells);
        },
      });
    };
    writeGrid("values", (r, c, v) => sheet.write(r, c, v));
    writeGrid("formulas", (r, c, v) => sheet.write(r, c, v));
    writeGrid("numberFormat", (r, c, v) => sheet.setFormat(r, c, String(v)));

    mock.getMergedAreasOrNullObject = () => fake.areasMock(sheet, sheet.merges.filter((m) => intersects(m, b)), "merged areas");
    mock.getSpecialCellsOrNullObject = (type: string) => {
      if (type === "Visible") return fake.areasMock(sheet, visibleRuns(sheet, b), "visible cells");
      if (type === "Formulas") return fake.areasMock(sheet, formulaCells(sheet, b), "formula cells");
      throw new Error(`special cells ${type} not faked`);
    };
    mock.unmerge = () => {
      sheet.unmerge(b);
      fake.record("unmerge", sheet.name, ref);
    };
    mock.merge = () => {
      sheet.merge(b);
      fake.record("merge", sheet.name, ref);
    };
    mock.copyFrom = (source: Mock, type: string) => fake.record(`copyFrom:${type}`, sheet.name, `${source.ref}->${ref}`);
    mock.insert = (shift: string) => {
      if (shift !== "Down" || b.left !== 1 || b.right !== GRID_COLUMNS) throw new Error("only whole rows are inserted");
      sheet.insertRows(b.top, b.bottom - b.top + 1);
      fake.record("insert", sheet.name, ref);
    };
    mock.select = () => {
      fake.selection = { sheet: sheet.name, ref };
      fake.record("select", sheet.name, ref);
    };
    mock.getEntireColumn = () => fake.rangeMock(sheet, { top: 1, bottom: GRID_ROWS, left: b.left, right: b.right });
    mock.conditionalFormats = this.formatsOf(sheet, ref);
    mock.dataValidation = this.validationOf(sheet, ref);
    const cellsOf = (): string[] => {
      const out: string[] = [];
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(a1(r, c));
      return out;
    };
    // Office.js gives a format's columnWidth only once loaded, in points (¾ of a pixel); null
    // when the range's columns differ.
    let widthLoaded = false;
    mock.format = {
      font: {},
      fill: {},
      borders: { getItem: () => ({}) },
      load: (props?: string) => {
        if (String(props ?? "").split(",").some((p) => p.trim() === "columnWidth")) {
          widthLoaded = true;
          fake.current.loads.push({ sheet: sheet.name, address: ref, props: ["format/columnWidth"] });
        }
      },
      get wrapText(): boolean {
        return cellsOf().every((c) => sheet.wrapped.has(c));
      },
      set wrapText(on: boolean) {
        for (const c of cellsOf()) if (on) sheet.wrapped.add(c);
        else sheet.wrapped.delete(c);
        fake.record(on ? "wrap" : "unwrap", sheet.name, ref);
      },
      get columnWidth(): number | null {
        if (!widthLoaded) throw Object.assign(new Error("The property 'columnWidth' is not available. Load it and call context.sync()."), { code: "PropertyNotLoaded" });
        const pixels = new Set(columnsOf().map((c) => sheet.pixelsOf(c)));
        return pixels.size === 1 ? [...pixels][0]! * 0.75 : null;
      },
      set columnWidth(points: number) {
        // Excel keeps whole pixels.
        for (const c of columnsOf()) sheet.setPixels(c, Math.round(points / 0.75));
        fake.record("column-width", sheet.name, ref);
      },
    };
    return mock;
  }

  private validationOf(sheet: FakeSheet, ref: string): unknown {
    const fake = this;
    let v: FakeValidation | undefined;
    const ensure = (): FakeValidation => {
      if (!v) sheet.validations.push((v = { ref, cleared: false }));
      return v;
    };
    return {
      clear() {
        for (const x of sheet.validations) if (x.ref === ref) x.cleared = true;
        fake.record("clear-validation", sheet.name, ref);
      },
      set rule(rule: unknown) {
        ensure().rule = rule;
        fake.record("validation", sheet.name, ref);
      },
      set errorAlert(alert: FakeValidation["errorAlert"]) {
        ensure().errorAlert = alert;
      },
      set prompt(prompt: FakeValidation["prompt"]) {
        ensure().prompt = prompt;
      },
    };
  }
}

/** The visible cells as Excel gives them: each run of shown rows by each run of shown columns. */
function visibleRuns(sheet: FakeSheet, b: CellRange): CellRange[] {
  const rows = shownRuns(b.top, b.bottom, (r) => !sheet.hiddenRows.has(r));
  const cols = shownRuns(b.left, b.right, (c) => !sheet.hiddenColumns.has(c));
  return rows.flatMap(([top, bottom]) => cols.map(([left, right]) => ({ top, bottom, left, right })));
}

function shownRuns(first: number, last: number, shown: (line: number) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (let line = first; line <= last + 1; line++) {
    const visible = line <= last && shown(line);
    if (visible && start === 0) start = line;
    if (!visible && start !== 0) {
      runs.push([start, line - 1]);
      start = 0;
    }
  }
  return runs;
}

function formulaCells(sheet: FakeSheet, b: CellRange): CellRange[] {
  const found: CellRange[] = [];
  const bottom = Math.min(b.bottom, sheet.cells.length);
  for (let r = b.top; r <= bottom; r++) {
    for (let c = b.left; c <= b.right; c++) if (sheet.cell(r, c)?.formula !== undefined) found.push({ top: r, bottom: r, left: c, right: c });
  }
  return found;
}

/**
 * A procurement ledger whose old deadline column (D, 报名截止时间) the clerk hid: the visible
 * 计划结束采购时间 (E) is the deadline, whichever host reads it.
 */
export function hiddenDeadlineSheet(): Sheet {
  return {
    name: "采购计划",
    hidden: false,
    rows: [
      ["序号", "采购项目名称", "需求部门", "报名截止时间", "计划结束采购时间"],
      [1, "办公设备", "区财政局", { day: "2022-01-10" }, { day: "2026-12-31" }],
      [2, "物业服务", "区机关事务中心", { day: "2022-02-10" }, { day: "2026-12-31" }],
    ],
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set([4]),
    formulaCells: new Set(),
  };
}
