/** 42 CFR 2.32(a)(2): the short redisclosure notice that must accompany Part 2 records. */
export const PART_2_NOTICE =
  '42 CFR part 2 prohibits unauthorized use or disclosure of these records.';

export const PHI_NOTICE =
  'Contains protected health information (PHI). Store and share it only as your organisation’s privacy policy allows.';

/** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines of cells as CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The lines every export starts with: the PHI notice, the Part 2 notice when the data include
 * substance-use records, and when it was generated.
 */
export function csvPreamble(partTwo: boolean, generated: string): string[][] {
  return [[PHI_NOTICE], ...(partTwo ? [[PART_2_NOTICE]] : []), [`Generated ${generated}`]];
}

/** Saves text as a file through a temporary link: no server round trip, nothing stored. */
export function downloadText(document: Document, filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
