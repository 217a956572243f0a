/**
 * Colors that still read when printed in black and white: each series differs in lightness,
 * not just hue (completed darkest, open mid, overdue light with a dark border), and bars get
 * a dark outline so adjacent segments stay apart on a grey-scale printer.
 */
import type { StatusBucket } from "../summary.js";

export const COMPLETED = "#1B5E20"; // dark green, L≈35
export const OPEN_ON_TIME = "#64B5F6"; // light blue, L≈70
export const OVERDUE = "#E53935"; // red, L≈52
/** Open without a clear course (长期坚持, 未填写, 无法识别): pale grey, apart from the blue of on time. */
export const OPEN_UNCLEAR = "#D6D6D6"; // L≈85
export const DUE = "#9E9E9E";
export const OUTLINE = "#212121";

export const STATUS_COLORS: Record<StatusBucket, string> = {
  done: "#1B5E20",
  closed: "#43A047",
  in_progress: "#90CAF9",
  not_started: "#FFE082",
  ongoing: "#7E57C2",
  unknown: "#616161",
  missing: "#E0E0E0",
};

/** Overdue ages, from just late (light) to long late (dark): darker means worse in grey too. */
export const AGE_COLORS = ["#FFCDD2", "#EF9A9A", "#E53935", "#7F0000"];

export const LIGHT_COLORS = { green: "#2E7D32", amber: "#F9A825", red: "#C62828", grey: "#9E9E9E" } as const;
