/** An XML part's encoding from its first bytes: a byte order mark, UTF-16's pattern, the declaration, and where the bytes overrule it. */
import { describe, expect, it } from "vitest";
import { partDecoder } from "../../../analytics/xlsx/encoding.js";
import { gb18030, utf16le } from "./hostile-workbooks.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const decoded = (bytes: Uint8Array) => partDecoder(bytes.subarray(0, 200), "xl/sharedStrings.xml").decode(bytes);

describe("partDecoder", () => {
  it("reads UTF-16 by its byte order mark or its pattern, and a declared GB18030 as declared", () => {
    expect(decoded(utf16le('<?xml version="1.0" encoding="UTF-16"?><t>整改</t>'))).toContain("<t>整改</t>");
    expect(decoded(gb18030('<?xml version="1.0" encoding="GB18030"?><t>整改</t>'))).toContain("<t>整改</t>");
    expect(decoded(utf8("<t>整改</t>"))).toBe("<t>整改</t>");
  });

  it("lets a UTF-8 byte order mark win over a declaration naming another encoding", () => {
    expect(decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<?xml version="1.0" encoding="GBK"?><t>整改</t>')]))).toContain("<t>整改</t>");
  });

  it("reads UTF-8 where UTF-16 is declared on a declaration written one byte a letter", () => {
    expect(decoded(utf8('<?xml version="1.0" encoding="UTF-16"?><t>整改</t>'))).toContain("<t>整改</t>");
  });

  it("refuses a label no decoder knows, naming the part", () => {
    expect(() => decoded(utf8('<?xml version="1.0" encoding="x-unknown-9"?><t/>'))).toThrow(/xl\/sharedStrings\.xml/u);
  });
});
