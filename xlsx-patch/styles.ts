/**
 * xl/styles.xml, patched by appending: a cell style derived from another with a new number
 * format, a number format, a bold font, a differential format (the flags' colors). Existing
 * entries keep their indexes, so every cell and rule of the workbook still points where it
 * did; an identical entry already there is reused rather than added again.
 */
import { attrOf, setAttr } from "./tag-attributes.js";

/** Number formats Excel knows by id without listing them. */
const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [14, "m/d/yyyy"],
  [22, "m/d/yyyy h:mm"],
  [49, "@"],
]);

const FIRST_CUSTOM_FORMAT = 164;

function escapeAttr(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/"/gu, "&quot;");
}

/** The children of the first `<name>` element: [start of content, end of content], or null. */
function section(xml: string, prefix: string, name: string): { open: [number, number]; close: number } | null {
  const open = new RegExp(`<${prefix}${name}(?:\\s[^>]*)?(/?)>`, "u").exec(xml);
  if (open === null) return null;
  const contentStart = open.index + open[0].length;
  if (open[1] === "/") return { open: [open.index, contentStart], close: contentStart };
  const close = xml.indexOf(`</${prefix}${name}>`, contentStart);
  return close < 0 ? null : { open: [open.index, contentStart], close };
}

/** The top-level elements `<name …/>` or `<name …>…</name>` of a section's content. */
function elements(content: string, prefix: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${prefix}${name}(?=[\\s/>])`, "gu");
  let m: RegExpExecArray | null;
  while ((m = re.exec(content)) !== null) {
    const gt = content.indexOf(">", m.index);
    if (content.charCodeAt(gt - 1) === 47) {
      out.push(content.slice(m.index, gt + 1));
      re.lastIndex = gt + 1;
    } else {
      const closeTag = `</${prefix}${name}>`;
      const close = content.indexOf(closeTag, gt);
      out.push(content.slice(m.index, close + closeTag.length));
      re.lastIndex = close + closeTag.length;
    }
  }
  return out;
}

export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/**
 * The styles of a package that has none (minimal writers leave the part out): what Excel and
 * the xlsxwriter family write by default, its font, its two required fills, a border and the
 * Normal style, so every cell the writer left unstyled looks as it did when styles are added.
 */
export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

export interface Dxf {
  readonly fill: string;
  readonly font: string;
}

export class StylesPatch {
  private readonly prefix: string;
  private readonly formatIds = new Map<string, number>();
  private readonly formatCodes = new Map<number, string>();
  private nextFormatId: number;
  private readonly listedFormats: number;
  private readonly newFormats: string[] = [];
  private readonly xfs: string[];
  private readonly baseXfCount: number;
  private readonly xfIndex = new Map<string, number>();
  private readonly fonts: string[];
  private readonly newFonts: string[] = [];
  private readonly dxfs: string[];
  private readonly baseDxfCount: number;

  constructor(private readonly xml: string) {
    this.prefix = /<(\w+:)?styleSheet[\s>]/u.exec(xml)?.[1] ?? "";
    const p = this.prefix;
    const numFmts = section(xml, p, "numFmts");
    let maxId = FIRST_CUSTOM_FORMAT - 1;
    const listed = numFmts ? elements(xml.slice(numFmts.open[1], numFmts.close), p, "numFmt") : [];
    this.listedFormats = listed.length;
    for (const tag of listed) {
      const id = Number(attrOf(tag, "numFmtId"));
      const code = attrOf(tag, "formatCode");
      if (!Number.isInteger(id) || code === undefined) continue;
      this.formatCodes.set(id, code);
      if (!this.formatIds.has(code)) this.formatIds.set(code, id);
      maxId = Math.max(maxId, id);
    }
    for (const [id, code] of BUILTIN_FORMATS) if (!this.formatIds.has(code)) this.formatIds.set(code, id);
    this.nextFormatId = maxId + 1;
    const cellXfs = section(xml, p, "cellXfs");
    this.xfs = cellXfs ? elements(xml.slice(cellXfs.open[1], cellXfs.close), p, "xf") : [];
    this.baseXfCount = this.xfs.length;
    this.xfs.forEach((xf, i) => {
      if (!this.xfIndex.has(xf)) this.xfIndex.set(xf, i);
    });
    const fonts = section(xml, p, "fonts");
    this.fonts = fonts ? elements(xml.slice(fonts.open[1], fonts.close), p, "font") : [];
    const dxfs = section(xml, p, "dxfs");
    this.dxfs = dxfs ? elements(xml.slice(dxfs.open[1], dxfs.close), p, "dxf") : [];
    this.baseDxfCount = this.dxfs.length;
  }

  /**
   * The Normal style's font (the first, as Excel writes it), its name and size in points, by
   * which a column's width is measured; Calibri 11 when the part lists none.
   */
  normalFont(): { name: string; size: number } {
    const font = this.fonts[0] ?? "";
    const p = this.prefix;
    const size = Number(attrOf(new RegExp(`<${p}sz\\b[^>]*>`, "u").exec(font)?.[0] ?? "", "val") ?? Number.NaN);
    const name = attrOf(new RegExp(`<${p}name\\b[^>]*>`, "u").exec(font)?.[0] ?? "", "val");
    return { name: name ?? "Calibri", size: Number.isFinite(size) && size > 0 ? size : 11 };
  }

  get changed(): boolean {
    return this.xfs.length > this.baseXfCount || this.dxfs.length > this.baseDxfCount || this.newFonts.length > 0 || this.newFormats.length > 0;
  }

  private readonly formatOfStyle = new Map<number, string>();
  private readonly derived = new Map<string, number>();

  /** The number format code of a cell style ("General" for a style the file lacks). */
  formatOf(style: number): string {
    let code = this.formatOfStyle.get(style);
    if (code === undefined) this.formatOfStyle.set(style, (code = this.readFormatOf(style)));
    return code;
  }

  private readFormatOf(style: number): string {
    const xf = this.xfs[style];
    const id = xf === undefined ? 0 : Number(attrOf(xf, "numFmtId") ?? "0");
    return this.formatCodes.get(id) ?? BUILTIN_FORMATS.get(id) ?? "General";
  }

  private formatId(code: string): number {
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formatIds.set(code, id);
      this.formatCodes.set(id, code);
      this.newFormats.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private xfFor(xf: string): number {
    let index = this.xfIndex.get(xf);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfs.push(xf);
      this.xfIndex.set(xf, index);
    }
    return index;
  }

  /** The style `base` (an index of cellXfs) with number format `code`; `base` itself when it has it. */
  withFormat(base: number, code: string | undefined): number {
    if (code === undefined) return base;
    const key = `${base}\u0000${code}`;
    let index = this.derived.get(key);
    if (index === undefined) this.derived.set(key, (index = this.deriveFormat(base, code)));
    return index;
  }

  private deriveFormat(base: number, code: string): number {
    const xf = this.xfs[base] ?? this.xfs[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const id = this.formatId(code);
    if (Number(attrOf(xf, "numFmtId") ?? "0") === id && this.xfs[base] !== undefined) return base;
    const open = /^<[^>]*?\/?>/u.exec(xf)![0];
    const tag = setAttr(setAttr(open, "numFmtId", String(id)), "applyNumberFormat", "1");
    return this.xfFor(tag + xf.slice(open.length));
  }

  private readonly wrapped = new Map<number, number>();

  /** Whether a cell style wraps its text (<alignment wrapText="1"/>). */
  wraps(style: number): boolean {
    const alignment = /<(?:\w+:)?alignment\s[^>]*>/u.exec(this.xfs[style] ?? "")?.[0];
    return alignment !== undefined && /\swrapText\s*=\s*["'](?:1|true)["']/u.test(alignment);
  }

  /** The style `base` with its text wrapped; `base` itself when it already wraps. */
  withWrap(base: number): number {
    let index = this.wrapped.get(base);
    if (index === undefined) this.wrapped.set(base, (index = this.deriveWrap(base)));
    return index;
  }

  private deriveWrap(base: number): number {
    if (this.wraps(base)) return base;
    const p = this.prefix;
    const xf = this.xfs[base] ?? this.xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*?\/?>/u.exec(xf)![0];
    const tag = setAttr(open.endsWith("/>") ? `${open.slice(0, -2).trimEnd()}>` : open, "applyAlignment", "1");
    const inner = open.endsWith("/>") ? "" : xf.slice(open.length, xf.length - `</${p}xf>`.length);
    const alignment = new RegExp(`<${p}alignment(?:\\s[^>]*?)?\\s*/?>`, "u").exec(inner);
    // alignment is an xf's first child (CT_Xf: alignment, protection, extLst).
    const content =
      alignment === null
        ? `<${p}alignment wrapText="1"/>${inner}`
        : inner.slice(0, alignment.index) + setAttr(alignment[0], "wrapText", "1") + inner.slice(alignment.index + alignment[0].length);
    return this.xfFor(`${tag}${content}</${p}xf>`);
  }

  /** A style of the default font made bold, for the log's header. */
  bold(): number {
    const font = this.fonts[0] ?? `<${this.prefix}font/>`;
    const boldFont = font.includes(`<${this.prefix}b/>`) ? font : font.replace(/^<[^>]*?>/u, (open) => (open.endsWith("/>") ? `${open.slice(0, -2)}><${this.prefix}b/></${this.prefix}font>` : `${open}<${this.prefix}b/>`));
    let fontId = this.fonts.indexOf(boldFont);
    if (fontId < 0) {
      fontId = this.fonts.length;
      this.fonts.push(boldFont);
      this.newFonts.push(boldFont);
    }
    return this.xfFor(`<${this.prefix}xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`);
  }

  /** A plain style with number format `code`, for cells of a new sheet. */
  plain(code: string): number {
    return this.xfFor(`<${this.prefix}xf numFmtId="${this.formatId(code)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  }

  /** A differential format: font color and fill, as the flags' colors. */
  dxf({ fill, font }: Dxf): number {
    const p = this.prefix;
    const xml = `<${p}dxf><${p}font><${p}color rgb="${font}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
    let index = this.dxfs.indexOf(xml);
    if (index < 0) {
      index = this.dxfs.length;
      this.dxfs.push(xml);
    }
    return index;
  }

  render(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    // From the end of the file back, so earlier offsets stay valid.
    xml = this.appendTo(xml, "dxfs", this.dxfs.slice(this.baseDxfCount), this.dxfs.length, ["tableStyles", "colors", "extLst"]);
    xml = this.appendTo(xml, "cellXfs", this.xfs.slice(this.baseXfCount), this.xfs.length, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    xml = this.appendTo(xml, "fonts", this.newFonts, this.fonts.length, ["fills", "borders", "cellStyleXfs", "cellXfs"]);
    xml = this.appendTo(xml, "numFmts", this.newFormats, this.listedFormats + this.newFormats.length, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
    return xml;
  }

  /** Appends `added` to the section (creating it before the first of `before` when missing) and sets its count. */
  private appendTo(xml: string, name: string, added: readonly string[], count: number, before: readonly string[]): string {
    if (added.length === 0) return xml;
    const p = this.prefix;
    const found = section(xml, p, name);
    if (found === null) {
      const block = `<${p}${name} count="${count}">${added.join("")}</${p}${name}>`;
      for (const next of before) {
        const at = xml.search(new RegExp(`<${p}${next}[\\s/>]`, "u"));
        if (at >= 0) return xml.slice(0, at) + block + xml.slice(at);
      }
      const end = xml.lastIndexOf(`</${p}styleSheet>`);
      return xml.slice(0, end) + block + xml.slice(end);
    }
    const open = setAttr(xml.slice(found.open[0], found.open[1]).replace(/\/>$/u, ">"), "count", String(count));
    const selfClosed = xml.charCodeAt(found.open[1] - 2) === 47;
    const content = xml.slice(found.open[1], found.close) + added.join("");
    return xml.slice(0, found.open[0]) + open + content + (selfClosed ? `</${p}${name}>` : "") + xml.slice(found.close);
  }
}
