/**
 * Every message a user reads comes from the catalogue (analytics/findings/catalogue*.ts). This
 * test reads every source file of the core, the command line, the add-in and the patcher, and
 * finds each string literal holding Chinese outside the catalogue. A file may hold some only for
 * a reason written here: the words are data Taizhang reads in ledgers (header synonyms, status
 * and deadline phrases), formats and names rather than sentences, or a word table of its own
 * output keyed by language. A new message written inline fails the test: put it in the catalogue.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const CHINESE = /[\u3400-\u9fff]/u;

const CATALOGUE = [
  "analytics/findings/catalogue.ts",
  "analytics/findings/catalogue.errors.ts",
  "analytics/findings/catalogue.check-view.ts",
  "analytics/findings/catalogue.normalize.ts",
];

const LEDGER_WORDS = "data: the words Taizhang reads in a ledger (synonyms, phrases, name parts), not messages";
const FORMATS_AND_NAMES = "formats and names (number formats, a date as an office writes it, fonts, file and sheet names), not sentences";
const WORD_TABLE = "a word table of one output, keyed by language (zh and en side by side)";
const HELP = "help text: each option's description in both languages, side by side";

/** Files that may hold Chinese literals, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  "analytics/roles.ts": LEDGER_WORDS,
  "analytics/status.ts": LEDGER_WORDS,
  "analytics/status-words.ts": LEDGER_WORDS,
  "analytics/deadline.ts": LEDGER_WORDS,
  "analytics/deadline-cycle.ts": LEDGER_WORDS,
  "analytics/names.ts": LEDGER_WORDS,
  "analytics/unit-abbreviations.ts": LEDGER_WORDS,
  "analytics/ledger-start.ts": LEDGER_WORDS,
  "analytics/column-mapping.ts": LEDGER_WORDS,
  "analytics/diff/identity.ts": LEDGER_WORDS,
  "analytics/normalize/canonical-statuses.ts": LEDGER_WORDS,
  "analytics/normalize/deadline-dates.ts": LEDGER_WORDS,
  "analytics/normalize/flag-spec.ts": LEDGER_WORDS,
  "analytics/summary.ts": FORMATS_AND_NAMES,
  "analytics/written-day.ts": FORMATS_AND_NAMES,
  "analytics/normalize/types.ts": FORMATS_AND_NAMES,
  "analytics/sheet/numfmt.ts": FORMATS_AND_NAMES,
  "analytics/overview/summary-book.ts": FORMATS_AND_NAMES,
  "analytics/notices/notice-defaults.ts": FORMATS_AND_NAMES,
  "addin/docx/notice-docx.ts": FORMATS_AND_NAMES,
  "addin/excel/office-summary-sheet.ts": FORMATS_AND_NAMES,
  "addin/wps/wps-summary-sheet.ts": FORMATS_AND_NAMES,
  "addin/excel/office-book.ts": FORMATS_AND_NAMES,
  "addin/wps/wps-book.ts": FORMATS_AND_NAMES,
  "analytics/charts/chart-words.ts": WORD_TABLE,
  "analytics/overview/overview-words.ts": WORD_TABLE,
  "analytics/normalize/labels.ts": WORD_TABLE,
  "analytics/normalize/log.ts": WORD_TABLE,
  "addin/taskpane/i18n.ts": WORD_TABLE,
  "cli/taizhang.ts": HELP,
  "cli/options.ts": HELP,
  "cli/commands/check-command.ts": HELP,
  "cli/commands/diff-command.ts": HELP,
  "cli/commands/normalize-command.ts": HELP,
  "cli/commands/notices-command.ts": HELP,
  "cli/commands/report-command.ts": HELP,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The string literals (and template pieces) of a file that hold Chinese; comments are not read. */
function chineseLiterals(path: string, text = readFileSync(path, "utf8")): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (literal && CHINESE.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true));
  return found;
}

const files = ["analytics", "cli", "addin", "xlsx-patch"].flatMap((dir) => sources(join(root, dir))).map((path) => relative(root, path));

/**
 * English a user reads, written where it is used: a literal with a word in it that is printed
 * (io.out / io.err / console / process.stdout), put on the page (textContent, innerText, title,
 * placeholder; a child or an aria-label, title or placeholder of `h(...)`), or thrown as an
 * error's message. Only the command line and the pane print or show; the core and the patcher
 * throw only catalogued errors or internal ones (an internal error says "内部错误").
 */
const PRINTS = new Set(["io.out", "io.err", "io.write", "console.log", "console.error", "console.warn", "console.info", "process.stdout.write", "process.stderr.write"]);
const SHOWN_PROPERTIES = new Set(["textContent", "innerText", "title", "placeholder"]);
const SHOWN_ATTRIBUTES = new Set(["aria-label", "title", "placeholder"]);
const ENGLISH_WORD = /[A-Za-z]{2,}/u;

/** The literal text of an expression: a string, a template's pieces, both sides of a + or of a ?: . */
function literalPieces(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (ts.isParenthesizedExpression(node)) return literalPieces(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...literalPieces(node.left), ...literalPieces(node.right)];
  if (ts.isConditionalExpression(node)) return [...literalPieces(node.whenTrue), ...literalPieces(node.whenFalse)];
  return [];
}

/** The English-worded literals of a file that a user would read as they stand. */
function shownEnglish(path: string, text = readFileSync(path, "utf8")): string[] {
  const found: string[] = [];
  const take = (expr: ts.Expression | undefined): void => {
    if (expr) for (const piece of literalPieces(expr)) if (ENGLISH_WORD.test(piece)) found.push(piece);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (PRINTS.has(callee)) node.arguments.forEach(take);
      if (callee === "h") {
        node.arguments.slice(2).forEach(take);
        const attributes = node.arguments[1];
        if (attributes && ts.isObjectLiteralExpression(attributes)) {
          for (const p of attributes.properties) if (ts.isPropertyAssignment(p) && SHOWN_ATTRIBUTES.has(p.name.getText().replace(/^["']|["']$/gu, ""))) take(p.initializer);
        }
      }
    }
    if (ts.isNewExpression(node) && /Error$/u.test(node.expression.getText())) take(node.arguments?.[0]);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && SHOWN_PROPERTIES.has(node.left.name.text)) take(node.right);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true));
  return found;
}

describe("English text outside the catalogue", () => {
  it("finds English printed, shown or thrown as written, and not text that comes from a table", () => {
    const text = [
      'io.err("file not found");',
      "el.textContent = `${n} rows checked`;",
      'h("p", { "aria-label": "Statuses" }, t.noFindings, "— no findings");',
      'throw new Error("the workbook is empty");',
      "io.out(`  → ${path}`);",
      'el.textContent = t.copied(3);',
    ].join("\n");
    expect(shownEnglish("inline.ts", text)).toEqual(["file not found", " rows checked", "— no findings", "Statuses", "the workbook is empty"]);
  });

  it("is nowhere in the command line or the pane", () => {
    const user = files.filter((f) => f.startsWith("cli/") || f.startsWith("addin/"));
    expect(user.flatMap((f) => shownEnglish(join(root, f)).map((words) => `${f}: ${words}`))).toEqual([]);
  });
});

describe("Chinese text outside the catalogue", () => {
  it("finds a message written inline, and not one in a comment", () => {
    const text = '// 注释里的中文\nthrow new Error("找不到文件");\nconst ok = "file";\n';
    expect(chineseLiterals("inline.ts", text)).toEqual(["找不到文件"]);
  });

  it("is only where this file says why", () => {
    const unexplained = files.filter((f) => !CATALOGUE.includes(f) && !(f in ALLOWED) && chineseLiterals(join(root, f)).length > 0);
    expect(unexplained).toEqual([]);
  });

  it("lists no file that has none, so the list stays short and true", () => {
    const stale = Object.keys(ALLOWED).filter((f) => !files.includes(f) || chineseLiterals(join(root, f)).length === 0);
    expect(stale).toEqual([]);
  });
});
