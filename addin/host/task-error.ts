/** An error the pane shows as it is: a sentence in Chinese and one in English, no stack. */
export class ExcelTaskError extends Error {
  override readonly name = "ExcelTaskError";
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} (${en})`);
  }

  in(lang: "zh" | "en"): string {
    return lang === "zh" ? this.zh : this.en;
  }
}
