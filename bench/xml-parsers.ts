/**
 * The measurement behind reading worksheets with a hand-written scanner (issue 12): the 100k-row
 * bench sheet read by the shipped reader (worksheet-part.ts) and by the same reader built on
 * saxes (saxes-worksheet-reader.ts), plus saxes alone doing nothing but emit its events, all
 * from the same decoded pieces; both readers must give the same sheet.
 * `npm run bench` runs it; alone: `node dist/bench/xml-parsers.mjs FILE.xlsx`.
 */
import { isDeepStrictEqual } from "node:util";
import { SaxesParser } from "saxes";
import { XlsxPackage } from "../analytics/xlsx/package.js";
import { parseSharedStrings } from "../analytics/xlsx/shared-strings.js";
import { WorksheetReader } from "../analytics/xlsx/worksheet-part.js";
import { SaxesWorksheetReader } from "./saxes-worksheet-reader.js";

export interface XmlParserFigures {
  megaCharacters: number;
  scannerMs: number;
  saxesReaderMs: number;
  bareSaxesMs: number;
}

const RUNS = 3;

function bestMs(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i <= RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    run();
    if (i > 0) best = Math.min(best, performance.now() - t); // the first run warms the JIT
  }
  return best;
}

export function xmlParserFigures(bytes: Uint8Array): XmlParserFigures {
  const pkg = XlsxPackage.open(bytes);
  const pieces: string[] = [];
  pkg.streamText("xl/worksheets/sheet1.xml", (t) => pieces.push(t));
  // The sheet's own strings: a cell pointing past the table is a damaged file, not an empty cell.
  const strings = pkg.textOf("xl/sharedStrings.xml");
  const context = { name: "s", hidden: false, sharedStrings: strings ? parseSharedStrings(strings) : [], styleKinds: [], date1904: false };
  const scanned = () => {
    const reader = new WorksheetReader(context);
    for (const p of pieces) reader.push(p);
    return reader.finish();
  };
  const saxesRead = () => {
    const reader = new SaxesWorksheetReader(context);
    for (const p of pieces) reader.push(p);
    return reader.finish();
  };
  if (!isDeepStrictEqual(scanned(), saxesRead())) throw new Error("the scanner and the saxes reader read the sheet differently");
  const bare = () => {
    const parser = new SaxesParser({ xmlns: false, position: false });
    let events = 0;
    parser.on("opentag", () => events++);
    parser.on("text", () => events++);
    for (const p of pieces) parser.write(p);
    parser.close();
    return events;
  };
  // Interleaved, so a busy machine slows each alike.
  let scannerMs = Infinity;
  let saxesReaderMs = Infinity;
  let bareSaxesMs = Infinity;
  for (let round = 0; round < 2; round++) {
    scannerMs = Math.min(scannerMs, bestMs(scanned));
    saxesReaderMs = Math.min(saxesReaderMs, bestMs(saxesRead));
    bareSaxesMs = Math.min(bareSaxesMs, bestMs(bare));
  }
  return { megaCharacters: pieces.reduce((n, p) => n + p.length, 0) / 1e6, scannerMs, saxesReaderMs, bareSaxesMs };
}
