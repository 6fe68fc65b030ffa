import { stringify } from "csv-stringify/sync";

/** The list's columns, named as in the JSON rows, with the team's page for each interview last. */
const COLUMNS = [
  "thread_id", "candidate_name", "job_title", "company_name", "role", "status", "current_step", "max_steps",
  "overall_score", "recommendation", "recommendation_label", "created_at", "updated_at", "link",
] as const;

export type CsvRow = { [K in (typeof COLUMNS)[number]]?: string | number | undefined };

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
 * is kept as text: candidates type their own names, and a name must never become a formula.
 */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** RFC 4180 CSV with a header row; the byte-order mark makes Excel read it as UTF-8. */
export function interviewsCsv(rows: CsvRow[]): string {
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...COLUMNS],
    record_delimiter: "windows",
    cast: { string: asText },
  });
}
