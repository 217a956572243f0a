/**
 * An error the pane shows as it is: one sentence from the error catalogue, in the clerk's
 * language (`in`), no stack.
 */
import { CataloguedError } from "../../analytics/findings/user-message.js";

export class ExcelTaskError extends CataloguedError {
  override readonly name = "ExcelTaskError";
}
