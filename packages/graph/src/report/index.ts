export type * from "./document.js";
export { recommendationLabel } from "./labels.js";
export { renderMarkdownReport } from "./markdown.js";
export { renderPdfReport } from "./pdf.js";
export { reportFromState, type ReportOptions, type ReportSource } from "./from-state.js";
