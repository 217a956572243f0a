/**
 * What a 督办通知单 says unless told otherwise. Apart from notice.ts so the pane can show them
 * without loading the notices and their table of holidays until notices are asked for.
 */
export const DEFAULT_REPLY_DAYS = 5;
export const DEFAULT_ISSUER = "督查室";
