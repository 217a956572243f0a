/**
 * What one workbook may cost to read, counted as it is read: cells kept and characters of text
 * held. The zip's sizes bound what is inflated, but a 5 MB file can unpack, 185 to 1, into sixty
 * sheets of text (300 million characters: 19 s and 975 MiB), and a 29 MB file into eleven
 * million cells (31 s); each part alone is unremarkable. The limits stop the reading at the
 * first excess, above the biggest ledgers offices keep: the 督查 office's consolidation of
 * every unit's submissions runs to 200,000 rows of 15 columns, three million cells, which
 * `check` reads in about 6 s of CPU and 470 MiB (npm run bench, check section).
 */
import { userMessage } from "../findings/user-message.js";
import { readError } from "./read-errors.js";

export const MAX_BOOK_CELLS = 4_000_000;
export const MAX_BOOK_CHARACTERS = 100_000_000;

export class ReadBudget {
  private cells = 0;
  private characters = 0;

  constructor(
    private readonly maxCells = MAX_BOOK_CELLS,
    private readonly maxCharacters = MAX_BOOK_CHARACTERS,
  ) {}

  /** One cell kept, holding `characters` of text it does not share with other cells. */
  spendCell(characters: number): void {
    if (++this.cells > this.maxCells) throw readError("too-large", userMessage("book-too-many-cells", { limit: this.maxCells }));
    if (characters > 0) this.spendText(characters);
  }

  /** Text held once (a shared string, an inline string). */
  spendText(characters: number): void {
    this.characters += characters;
    if (this.characters > this.maxCharacters) throw readError("too-large", userMessage("book-too-much-text", { limit: this.maxCharacters }));
  }
}
