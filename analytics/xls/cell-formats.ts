/**
 * What each cell format (XF record, [MS-XLS]) says about the number in a cell: a
 * calendar day, a percentage or neither, by the same rules the .xlsx reader applies to
 * styles.xml (sheet/numfmt.ts): a built-in format id, or the code of a FORMAT record.
 */
import { dateFormatCode, isDateFormat, isPercentFormat } from "../sheet/numfmt.js";
import { NumberKind } from "../xlsx/styles-part.js";

export interface XlsCellFormats {
  /** kinds[i] is the kind of the i-th XF record, the index a cell record names. */
  readonly kinds: readonly NumberKind[];
  /** dateCodes[i] is the format code of XF i when it shows a date. */
  readonly dateCodes: readonly (string | undefined)[];
}

export class CellFormatCollector {
  private readonly codes = new Map<number, string>();
  private readonly formatIds: number[] = [];

  format(id: number, code: string): void {
    this.codes.set(id, code);
  }

  xf(formatId: number): void {
    this.formatIds.push(formatId);
  }

  finish(): XlsCellFormats {
    // Many XFs share a format: each format's kind is worked out once.
    const kindOf = new Map<number, NumberKind>();
    const kinds = this.formatIds.map((id) => {
      let kind = kindOf.get(id);
      if (kind === undefined) {
        const code = this.codes.get(id);
        kind = isDateFormat(id, code) ? NumberKind.Date : isPercentFormat(id, code) ? NumberKind.Percent : NumberKind.Plain;
        kindOf.set(id, kind);
      }
      return kind;
    });
    const dateCodes = this.formatIds.map((id, i) => (kinds[i] === NumberKind.Date ? dateFormatCode(id, this.codes.get(id)) : undefined));
    return { kinds, dateCodes };
  }
}
