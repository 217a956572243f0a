/**
 * What office-addin-mock uses of office-addin-manifest (the host names), for bundling the fake
 * Excel into a browser page: the real package reads manifests from disk and cannot run there.
 */
export const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
} as const;
