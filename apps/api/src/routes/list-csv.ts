import { stringify } from "csv-stringify/sync";

/** The list's columns, named as in the JSON rows, with the team's page for each interview last. */
const COLUMNS = [
  "thread_id", "candidate_name", "job_title", "company_name", "role", "status", "current_step", "max_steps",
  "overall_score", "recommendation", "recommendation_label", "created_at", "updated_at", "link",
] as const;

export type CsvRow = { [K in (typeof COLUMNS)[number]]?: string | number | undefined };

/**
 * RFC 4180 CSV with a header row; the byte-order mark makes Excel read it as UTF-8. Candidates
 * type their own names: a cell that would start a formula (=, +, -, @, their full-width forms, a
 * tab or carriage return) is kept as text, and a line break inside one is quoted, never a new row.
 */
export function interviewsCsv(rows: CsvRow[]): string {
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...COLUMNS],
    record_delimiter: "windows",
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
