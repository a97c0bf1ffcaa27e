/** How a command prints data: JSON with `--json`, else an aligned table or `key: value` lines. */
export interface OutputOptions {
  json?: boolean;
}

/** An API object; printed field by field. */
export type Row = object;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function printList(options: OutputOptions, rows: readonly Row[], columns: readonly string[]): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const table = [columns.map((c) => c.toUpperCase()), ...rows.map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])))];
  const widths = columns.map((_, i) => Math.max(...table.map((line) => line[i]!.length)));
  for (const line of table) {
    process.stdout.write(`${line.map((value, i) => (i === line.length - 1 ? value : value.padEnd(widths[i]!))).join('  ')}\n`);
  }
}

export function printObject(options: OutputOptions, object: Row): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(object, null, 2)}\n`);
    return;
  }
  const width = Math.max(...Object.keys(object).map((key) => key.length));
  for (const [key, value] of Object.entries(object)) process.stdout.write(`${`${key}:`.padEnd(width + 2)}${cell(value)}\n`);
}

/** Lines for a person (progress, hints) go to stderr, so stdout stays data. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}
