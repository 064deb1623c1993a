// RFC 4180 CSV that is also safe to open in a spreadsheet.

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
// Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection");
// tab and carriage return are included because some programs strip them before parsing.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text is prefixed with ' and the cell quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  // A plain number such as -12.50 is data, not a formula: prefixing it would turn it into text.
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
