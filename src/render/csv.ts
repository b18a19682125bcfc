/** One CSV cell: quoted when it needs to be, and defused when a spreadsheet would run it as a formula. */
export function csvCell(value: string | undefined): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
  return /[",\n\r;]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV file (RFC 4180 with CRLF) in UTF-8 with a byte-order mark, so spreadsheets read å, ä and ö right. */
export function csvDocument(rows: readonly (readonly (string | undefined)[])[], separator: ',' | ';'): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}
