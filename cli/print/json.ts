/**
 * JSON.stringify(value, null, 2), written out piece by piece: a 100k-row report is hundreds
 * of megabytes as one string, but only a few kilobytes at a time this way.
 */
const FLUSH_AT = 1 << 16;

/** `indent` places the value inside an enclosing structure: its first line is not indented. */
export function writeJson(value: unknown, write: (text: string) => void, indent = "", end = "\n"): void {
  const buffer = { text: "" };
  const emit = (text: string) => {
    buffer.text += text;
    if (buffer.text.length >= FLUSH_AT) {
      write(buffer.text);
      buffer.text = "";
    }
  };
  writeValue(value, indent, emit);
  emit(end);
  if (buffer.text !== "") write(buffer.text);
}

function writeValue(value: unknown, indent: string, emit: (text: string) => void): void {
  // As JSON.stringify does, an object that says how it is written (a finding, a Date) is written as it says.
  if (hasToJson(value)) value = value.toJSON();
  if (Array.isArray(value)) {
    if (value.length === 0) return emit("[]");
    const inner = indent + "  ";
    emit("[\n");
    value.forEach((element, i) => {
      emit(inner);
      writeValue(element === undefined ? null : element, inner, emit);
      emit(i < value.length - 1 ? ",\n" : "\n");
    });
    return emit(indent + "]");
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.length === 0) return emit("{}");
    const inner = indent + "  ";
    emit("{\n");
    entries.forEach(([key, v], i) => {
      emit(`${inner}${JSON.stringify(key)}: `);
      writeValue(v, inner, emit);
      emit(i < entries.length - 1 ? ",\n" : "\n");
    });
    return emit(indent + "}");
  }
  emit(JSON.stringify(value) ?? "null");
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
