/**
 * A small in-memory WPS 表格 behind its JavaScript object model (`window.Application`, VBA-like
 * and synchronous), for testing the WPS adapter without WPS. It keeps its cells in the same
 * FakeSheet store as fake-excel.ts, so a test reads either host's workbook the same way.
 *
 * WPS versions differ in whether a member is a property or a zero-argument method: the
 * "properties" variant answers `range.Value2`, the "methods" variant `range.Value2()` (and
 * gives error cells as their HRESULT codes, as a COM bridge does). Assignment works in both.
 * Writes go in as typing does (see fake-excel.ts's `typed`).
 */
import { a1 } from "../../analytics/sheet/address.js";
import type { CellRange } from "../../analytics/sheet/sheet-model.js";
import { boundsOf, FakeSheet, intersects, refOf, type FakeChart, type FakeFormat, type FakeValidation } from "./fake-excel.js";

export type MemberStyle = "properties" | "methods";

export interface FakeWpsOptions {
  readonly members: MemberStyle;
  readonly workbookName?: string;
  /** WPS's UI language id (2052 Chinese, 1033 English). */
  readonly languageId?: number;
  readonly date1904?: boolean;
}

const ERROR_CODES: Record<string, number> = {
  "#NULL!": -2146826288, "#DIV/0!": -2146826281, "#VALUE!": -2146826273, "#REF!": -2146826265,
  "#NAME?": -2146826259, "#NUM!": -2146826252, "#N/A": -2146826246,
};

const CHART_TYPES: Record<number, string> = { [-4120]: "Doughnut", 58: "BarStacked" };

/** "#RRGGBB" from a VBA BGR integer. */
function hexOf(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

type Obj = Record<string, unknown>;

export class FakeWps {
  readonly sheets: FakeSheet[] = [];
  readonly application: Obj;
  selection: { sheet: string; ref: string } | null = null;
  active: string | null = null;
  /** Custom document properties of the workbook. */
  readonly properties = new Map<string, string>();
  /** Every member read, by name: what the adapter asked of WPS. */
  readonly reads = new Map<string, number>();
  private clipboard: { sheet: FakeSheet; bounds: CellRange } | null = null;
  displayAlerts = true;

  constructor(sheets: FakeSheet[], readonly options: FakeWpsOptions) {
    this.sheets.push(...sheets);
    this.application = this.applicationObject();
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A member: a property, or a zero-argument method, as the variant says; settable when `set` is given. */
  private member(target: Obj, name: string, read: () => unknown, set?: (value: unknown) => void): void {
    const counted = () => {
      this.reads.set(name, (this.reads.get(name) ?? 0) + 1);
      return read();
    };
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: true,
      get: this.options.members === "properties" ? counted : () => counted,
      set: set ?? (() => {
        throw new Error(`${name} is read-only`);
      }),
    });
  }

  private collection<T>(list: () => T[], wrap: (item: T) => Obj, byName?: (name: string) => T | undefined): Obj {
    const c: Obj = {};
    this.member(c, "Count", () => list().length);
    c.Item = (key: number | string) => {
      const item = typeof key === "number" ? list()[key - 1] : byName?.(key);
      if (item === undefined) throw new Error(`no item ${key}`);
      return wrap(item);
    };
    return c;
  }

  private applicationObject(): Obj {
    const app: Obj = {};
    this.member(app, "ActiveWorkbook", () => this.workbookObject());
    this.member(app, "DisplayAlerts", () => this.displayAlerts, (v) => (this.displayAlerts = Boolean(v)));
    app.LanguageSettings = { LanguageID: (_kind: number) => this.options.languageId ?? 2052 };
    return app;
  }

  private workbookObject(): Obj {
    const wb: Obj = {};
    this.member(wb, "Name", () => this.options.workbookName ?? "整改台账.xlsx");
    this.member(wb, "Date1904", () => this.options.date1904 ?? false);
    this.member(wb, "Worksheets", () => {
      const c = this.collection(() => this.sheets, (s) => this.worksheetObject(s), (n) => this.sheets.find((s) => s.name === n));
      c.Add = (_before: unknown, after: Obj | undefined) => {
        const sheet = new FakeSheet(`Sheet${this.sheets.length + 1}`);
        const index = after ? this.sheets.findIndex((s) => s.name === (typeof after.Name === "function" ? (after.Name as () => string)() : after.Name)) + 1 : this.sheets.length;
        this.sheets.splice(index, 0, sheet);
        return this.worksheetObject(sheet);
      };
      return c;
    });
    this.member(wb, "CustomDocumentProperties", () => {
      const c = this.collection(() => [...this.properties.keys()], (name) => this.propertyObject(name), (n) => (this.properties.has(n) ? n : undefined));
      c.Add = (name: string, _link: boolean, _type: number, value: string) => {
        this.properties.set(name, String(value));
        return this.propertyObject(name);
      };
      return c;
    });
    return wb;
  }

  private propertyObject(name: string): Obj {
    const p: Obj = {};
    this.member(p, "Name", () => name);
    this.member(p, "Value", () => this.properties.get(name), (v) => this.properties.set(name, String(v)));
    p.Delete = () => this.properties.delete(name);
    return p;
  }

  private worksheetObject(sheet: FakeSheet): Obj {
    const ws: Obj = {};
    this.member(ws, "Name", () => sheet.name, (v) => (sheet.name = String(v)));
    this.member(ws, "Visible", () => (sheet.visibility === "Visible" ? -1 : 0));
    this.member(ws, "UsedRange", () => this.rangeObject(sheet, sheet.used() ?? { top: 1, left: 1, bottom: 1, right: 1 }));
    ws.Range = (ref: string) => this.rangeObject(sheet, ref.split(",").map((r) => boundsOf(r.trim())));
    this.member(ws, "Cells", () => {
      const cells: Obj = { Item: (r: number, c: number) => this.rangeObject(sheet, { top: r, bottom: r, left: c, right: c }) };
      this.member(cells, "FormatConditions", () => this.formatConditions(sheet, null));
      return cells;
    });
    this.member(ws, "Columns", () => ({
      Item: (c: number) => {
        const column: Obj = {};
        // VBA's units: ColumnWidth in characters of the Normal font's digit without the 5 px
        // of padding, Width in points; both 0 for a hidden column. Set, a width is whole pixels.
        this.member(
          column,
          "ColumnWidth",
          () => (sheet.hiddenColumns.has(c) ? 0 : Math.round(((sheet.pixelsOf(c) - 5) / sheet.digitWidth) * 100) / 100),
          (v) => sheet.setPixels(c, Math.round(Number(v) * sheet.digitWidth) + 5),
        );
        this.member(column, "Width", () => sheet.pixelsOf(c) * 0.75);
        this.member(column, "Hidden", () => sheet.hiddenColumns.has(c), (v) => (v === true ? sheet.hiddenColumns.add(c) : sheet.hiddenColumns.delete(c)));
        return column;
      },
    }));
    // Page setup as VBA names it, kept on the sheet's page layout record.
    this.member(ws, "PageSetup", () => sheet.pageLayout);
    ws.Activate = () => {
      this.active = sheet.name;
    };
    ws.Delete = () => {
      if (this.displayAlerts) throw new Error("WPS would ask the clerk to confirm the deletion");
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
    };
    ws.ChartObjects = () => ({
      Add: (_left: number, _top: number, _width: number, _height: number) => ({ Chart: this.chartObject(sheet) }),
    });
    return ws;
  }

  private chartObject(sheet: FakeSheet): Obj {
    const chart: FakeChart = { type: "", source: "", seriesBy: "", title: "", seriesColors: [], pointColors: [] };
    sheet.charts.push(chart);
    const fill = (set: (c: string) => void): Obj => ({ Format: { Fill: { ForeColor: { set RGB(v: number) { set(hexOf(v)); } } } } });
    return {
      SetSourceData: (source: Obj, plotBy: number) => {
        Object.assign(chart, { source: String(source.__ref), seriesBy: plotBy === 2 ? "Columns" : "Rows" });
      },
      set ChartType(t: number) {
        Object.assign(chart, { type: CHART_TYPES[t] ?? String(t) });
      },
      HasTitle: false,
      ChartTitle: { set Text(t: string) { chart.title = t; } },
      HasLegend: false,
      Legend: { Position: 0 },
      SeriesCollection: (i: number) => ({
        ...fill((c) => (chart.seriesColors[i - 1] = c)),
        Points: (j: number) => fill((c) => (chart.pointColors[j - 1] = c)),
        HasDataLabels: false,
      }),
      Axes: (_kind: number) => ({ set ReversePlotOrder(v: boolean) { chart.reversePlotOrder = v; } }),
    };
  }

  private formatConditions(sheet: FakeSheet, areas: CellRange[] | null): Obj {
    const live = () => sheet.conditionalFormats.filter((f) => !f.deleted);
    const c = this.collection(live, (f) => this.formatObject(sheet, f));
    c.Add = (type: number, _operator: unknown, formula: string) => {
      const sqref = (areas ?? []).map(refOf).join(" ");
      const format: FakeFormat = { type: type === 2 ? "Custom" : String(type), sqref, custom: { rule: { formula }, format: { fill: { color: "" }, font: { color: "" } } }, deleted: false };
      sheet.conditionalFormats.push(format);
      return this.formatObject(sheet, format);
    };
    return c;
  }

  private formatObject(sheet: FakeSheet, f: FakeFormat): Obj {
    const o: Obj = {};
    this.member(o, "Type", () => (f.type === "Custom" ? 2 : 1));
    this.member(o, "Formula1", () => f.custom.rule.formula);
    o.Interior = { set Color(v: number) { f.custom.format.fill.color = hexOf(v); } };
    o.Font = { set Color(v: number) { f.custom.format.font.color = hexOf(v); } };
    o.SetFirstPriority = () => {
      const list = sheet.conditionalFormats;
      list.splice(list.indexOf(f), 1);
      list.unshift(f);
    };
    o.Delete = () => {
      f.deleted = true;
    };
    return o;
  }

  private cellValue2(sheet: FakeSheet, r: number, c: number): unknown {
    const cell = sheet.cell(r, c);
    if (cell === undefined) return undefined;
    if (cell.error && this.options.members === "methods") return ERROR_CODES[String(cell.raw)];
    return cell.raw;
  }

  private rangeObject(sheet: FakeSheet, areas: CellRange | CellRange[]): Obj {
    const list = Array.isArray(areas) ? areas : [areas];
    const b = list[0]!;
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const each = <T>(at: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => at(b.top + i, b.left + j)));
    const scalarOr = (grid: unknown[][]) => (rows === 1 && cols === 1 ? grid[0]![0] : grid);
    const uniform = <T>(values: T[]): T | null => (values.every((v) => v === values[0]) ? values[0]! : null);
    const write = (v: unknown) => {
      const grid = Array.isArray(v) ? (v as unknown[][]) : [[v]];
      grid.forEach((row, i) => row.forEach((x, j) => sheet.write(b.top + i, b.left + j, x)));
    };
    const range: Obj = { __ref: list.map(refOf).join(",") };
    this.member(range, "Row", () => b.top);
    this.member(range, "Column", () => b.left);
    this.member(range, "Rows", () => ({ ...this.counted(rows), Item: (i: number) => this.rangeObject(sheet, { ...b, top: b.top + i - 1, bottom: b.top + i - 1 }) }));
    this.member(range, "Columns", () => ({ ...this.counted(cols), Item: (j: number) => this.rangeObject(sheet, { ...b, left: b.left + j - 1, right: b.left + j - 1 }) }));
    this.member(range, "Value2", () => scalarOr(each((r, c) => this.cellValue2(sheet, r, c))), write);
    this.member(range, "Formula", () => scalarOr(each((r, c) => {
      const cell = sheet.cell(r, c);
      return cell === undefined ? "" : cell.formula !== undefined ? `=${cell.formula}` : String(cell.raw);
    })), write);
    this.member(range, "NumberFormat", () => uniform(each((r, c) => sheet.format(r, c)).flat()), (v) => each((r, c) => sheet.setFormat(r, c, String(v))));
    this.member(range, "HasFormula", () => uniform(each((r, c) => sheet.cell(r, c)?.formula !== undefined).flat()));
    const mergeOf = (r: number, c: number) => sheet.merges.find((m) => intersects(m, { top: r, bottom: r, left: c, right: c }));
    this.member(range, "MergeCells", () => uniform(each((r, c) => mergeOf(r, c) !== undefined).flat()));
    this.member(range, "MergeArea", () => this.rangeObject(sheet, mergeOf(b.top, b.left) ?? b));
    this.member(range, "EntireRow", () => {
      const row: Obj = { Insert: (_shift: number) => sheet.insertRows(b.top, rows) };
      this.member(row, "Hidden", () => uniform(Array.from({ length: rows }, (_, i) => sheet.hiddenRows.has(b.top + i))));
      return row;
    });
    this.member(range, "EntireColumn", () => {
      const column: Obj = {};
      this.member(column, "Hidden", () => uniform(Array.from({ length: cols }, (_, j) => sheet.hiddenColumns.has(b.left + j))));
      return column;
    });
    this.member(range, "FormatConditions", () => this.formatConditions(sheet, list));
    this.member(range, "Validation", () => this.validationObject(sheet, list.map(refOf).join(" ")));
    this.member(
      range,
      "WrapText",
      () => uniform(each((r, c) => sheet.wrapped.has(a1(r, c))).flat()),
      (v) => each((r, c) => (v === true ? sheet.wrapped.add(a1(r, c)) : sheet.wrapped.delete(a1(r, c)))),
    );
    this.member(range, "Font", () => ({ Bold: false, Size: 11, Color: 0 }));
    this.member(range, "Interior", () => ({ Color: 0 }));
    this.member(range, "Left", () => (b.left - 1) * 48);
    this.member(range, "Top", () => (b.top - 1) * 15);
    this.member(range, "Width", () => cols * 48);
    this.member(range, "Height", () => rows * 15);
    range.Merge = () => sheet.merge(b);
    range.UnMerge = () => sheet.unmerge(b);
    range.Copy = () => {
      this.clipboard = { sheet, bounds: b };
    };
    range.PasteSpecial = (_type: number) => {
      const from = this.clipboard;
      if (!from) throw new Error("nothing copied");
      each((r, c) => sheet.setFormat(r, c, from.sheet.format(from.bounds.top, from.bounds.left)));
    };
    range.Select = () => {
      this.selection = { sheet: sheet.name, ref: refOf(b) };
    };
    return range;
  }

  private counted(n: number): Obj {
    const o: Obj = {};
    this.member(o, "Count", () => n);
    return o;
  }

  private validationObject(sheet: FakeSheet, ref: string): Obj {
    let v: FakeValidation | undefined;
    const ensure = () => {
      if (!v) sheet.validations.push((v = { ref, cleared: false }));
      return v;
    };
    return {
      Delete: () => {
        for (const x of sheet.validations) if (x.ref === ref) x.cleared = true;
      },
      Add: (type: number, alert: number, _operator: number, formula1: string) => {
        ensure().rule = { list: { inCellDropDown: true, source: formula1 }, type };
        ensure().errorAlert = { style: alert === 1 ? "Stop" : "Warning" };
      },
      set ErrorMessage(m: string) {
        ensure().errorAlert = { ...ensure().errorAlert, message: m };
      },
      set InputMessage(m: string) {
        ensure().prompt = { message: m };
      },
      InCellDropdown: true, ShowError: true, ShowInput: true, ErrorTitle: "", InputTitle: "",
    };
  }
}
