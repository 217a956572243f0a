/**
 * The two languages a user reads Taizhang in: Chinese (the default, the clerk's) and English.
 * Every message, label and sheet word is kept in both, keyed by this.
 */
export type Lang = "zh" | "en";
