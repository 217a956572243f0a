/**
 * Text made safe for a terminal. Whatever a cell holds reaches the clerk's screen (a task, a
 * unit, a file name): an ESC[2J in it would clear the screen, an OSC would set the window's
 * title or write the clipboard, a bidi override would reorder what follows. Every line the
 * command prints passes through here (cli/io.ts), so no printer has to remember.
 */

/** Escape sequences, whole: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings (to BEL or ESC \), and two-character ones. */
const ESCAPE_SEQUENCE = /\u001b(?:\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0020-\u002f]*[\u0030-\u007e]?)|\u009b[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|[\u0090\u009d\u0098\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/gu;
/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** The color sequences our own printer writes (SGR: ESC [ digits m), kept when colors are on. */
const SGR = /^\u001b\[[0-9;]*m$/u;

/** One test for "anything to do?", so the common clean line costs one scan. */
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The text with escape sequences and control characters removed; our own colors kept when `keepColors`. */
export function terminalSafe(text: string, keepColors: boolean): string {
  if (!ANY_CONTROL.test(text)) return text;
  const kept: string[] = [];
  const withoutSequences = text.replace(/\u0000/gu, "").replace(ESCAPE_SEQUENCE, (sequence) => {
    if (!keepColors || !SGR.test(sequence)) return "";
    kept.push(sequence);
    return "\u0000"; // a placeholder, so the controls pass below cannot touch it
  });
  let i = 0;
  return withoutSequences.replace(CONTROL, (ch) => (ch === "\u0000" && i < kept.length ? kept[i++]! : ""));
}

/** JSON text with the controls JSON.stringify leaves raw (DEL, C1, bidi) written as \u escapes: the same JSON, safe to show. */
export function escapeControls(json: string): string {
  if (!ANY_CONTROL.test(json)) return json;
  return json.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
