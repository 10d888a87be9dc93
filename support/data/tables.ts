import { z } from 'zod';
import { HarnessError } from '../config/errors';

/** Where a step is in its feature file, for messages an analyst can follow: "features/x.feature:12". */
export type StepLocation = string;

/** A Gherkin table that does not fit what the step expects; names the file, line, row and column. */
export class TableError extends HarnessError {}

/** Cells are text: these read them as the values steps need. */
export const cell = {
  text: z.string({ error: 'is missing' }).trim().min(1, 'is empty'),
  wholeNumber: z.string({ error: 'is missing' }).trim().regex(/^\d+$/, 'must be a whole number').transform(Number),
  amount: z
    .string({ error: 'is missing' })
    .trim()
    .regex(/^\d{1,3}(,?\d{3})*(\.\d{1,2})?$/, 'must be an amount such as 1,250.00')
    .transform((value) => Number(value.replace(/,/g, ''))),
  percent: z
    .string({ error: 'is missing' })
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?%?$/, 'must be a percentage such as 10 or 12.5%')
    .transform((value) => Number(value.replace('%', '')))
    .refine((value) => value <= 100, 'must be at most 100%'),
};

/** The kinds of cell a column takes, as the catalogue names them. */
const CELL_TYPES = {
  text: { schema: cell.text, shown: 'text' },
  wholeNumber: { schema: cell.wholeNumber, shown: 'whole number, e.g. 4' },
  amount: { schema: cell.amount, shown: 'amount, e.g. 1,250.00' },
  percent: { schema: cell.percent, shown: 'percentage, e.g. 10 or 12.5%' },
} as const;
type CellType = keyof typeof CELL_TYPES;
type CellValue<T extends CellType> = z.output<(typeof CELL_TYPES)[T]['schema']>;

interface ColumnSpec<T extends CellType = CellType, Required extends boolean = boolean> {
  type: T;
  required: Required;
}

/** Columns of a step's table: `column.wholeNumber()` must be there, `optional(column.amount())` may be left out. */
export const column = {
  text: () => ({ type: 'text', required: true }) as const,
  wholeNumber: () => ({ type: 'wholeNumber', required: true }) as const,
  amount: () => ({ type: 'amount', required: true }) as const,
  percent: () => ({ type: 'percent', required: true }) as const,
};

export function optional<T extends CellType>(spec: ColumnSpec<T, true>): ColumnSpec<T, false> {
  return { type: spec.type, required: false };
}

type Columns = Record<string, ColumnSpec>;
type RequiredKeys<C extends Columns> = { [K in keyof C]: C[K]['required'] extends true ? K : never }[keyof C];
type OptionalKeys<C extends Columns> = Exclude<keyof C, RequiredKeys<C>>;
export type RowOf<C extends Columns> = { [K in RequiredKeys<C>]: CellValue<C[K]['type']> } & { [K in OptionalKeys<C>]?: CellValue<C[K]['type']> };

/** One column as the catalogue and `uat check` describe it. */
export interface ColumnDescription {
  name: string;
  type: string;
  required: boolean;
}

/** A problem with one table, at a line of its feature file. */
export interface TableProblem {
  line: number;
  message: string;
}

/**
 * What a step's table must look like: its columns, their types, which may be
 * left out. The same spec checks a feature offline (`uat check`, naming each
 * row's own line) and reads the table when the step runs.
 */
export class TableSpec<C extends Columns = Columns> {
  readonly #schema: z.ZodType;

  constructor(readonly columnSpecs: C) {
    this.#schema = z.object(
      Object.fromEntries(Object.entries(columnSpecs).map(([name, spec]) => [name, spec.required ? CELL_TYPES[spec.type].schema : CELL_TYPES[spec.type].schema.optional()])),
    );
  }

  get columns(): ColumnDescription[] {
    return Object.entries(this.columnSpecs).map(([name, spec]) => ({ name, type: CELL_TYPES[spec.type].shown, required: spec.required }));
  }

  /**
   * Every problem of a table, each with its line: unknown columns (with the
   * nearest known one), missing required columns, and bad cells by row.
   * `rowLines[i]` is the line of row i (0 = the header).
   */
  problems(header: string[], rows: string[][], rowLines: number[]): TableProblem[] {
    const known = Object.keys(this.columnSpecs);
    const headerLine = rowLines[0] ?? 0;
    const problems: TableProblem[] = [];
    for (const name of header.filter((h) => !known.includes(h))) {
      const near = nearest(name, known);
      problems.push({ line: headerLine, message: `unknown column "${name}"${near ? ` (did you mean "${near}"?)` : ''}; this step's columns are ${known.map((k) => `"${k}"`).join(', ')}` });
    }
    for (const [name, spec] of Object.entries(this.columnSpecs)) {
      if (spec.required && !header.includes(name)) problems.push({ line: headerLine, message: `the table has no column "${name}", which this step needs` });
    }
    if (rows.length === 0) problems.push({ line: headerLine, message: 'the table has no rows under its header' });
    rows.forEach((cells, index) => {
      const record = Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']).filter(([name]) => known.includes(name as string)));
      const line = rowLines[index + 1] ?? headerLine;
      for (const [name, spec] of Object.entries(this.columnSpecs)) {
        // An empty cell in an optional column means "not given".
        if (!spec.required && (record[name] ?? '').trim() === '') continue;
        if (!(name in record)) continue;
        const parsed = CELL_TYPES[spec.type].schema.safeParse(record[name]);
        if (!parsed.success) problems.push({ line, message: `table row ${index + 1}, column "${name}" ${parsed.error.issues[0]?.message ?? 'is not valid'} (got "${record[name]}")` });
      }
    });
    return problems;
  }

  /** Reads a table as typed rows when its step runs; `where` names the step. */
  parse(hashes: Record<string, string>[], where: StepLocation): RowOf<C>[] {
    const header = Object.keys(hashes[0] ?? {});
    const problems = this.problems(header, hashes.map((row) => header.map((name) => row[name] ?? '')), []);
    if (problems.length) throw new TableError(problems.map((p) => `${where}: ${p.message}`).join('\n'));
    return hashes.map((row) => {
      const present = Object.fromEntries(Object.entries(row).filter(([name, value]) => this.columnSpecs[name]?.required || value.trim() !== ''));
      return this.#schema.parse(present) as RowOf<C>;
    });
  }
}

export function tableOf<C extends Columns>(columns: C): TableSpec<C> {
  return new TableSpec(columns);
}

/** The known word nearest to a misspelt one, if it is near enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.candidate.length / 3)) ? best.candidate : undefined;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
