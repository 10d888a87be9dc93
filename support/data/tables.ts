import { z } from 'zod';
import { HarnessError } from '../config/errors';

/** Where a step is in its feature file, for messages an analyst can follow: "features/x.feature:12". */
export type StepLocation = string;

/** A Gherkin table that does not fit what the step expects; names the file, line, row and column. */
export class TableError extends HarnessError {}

/**
 * Validates the rows of a Gherkin table (as header -> cell records) against a
 * zod schema of one row.
 */
export function parseTable<T extends z.ZodType>(rows: Record<string, string>[], schema: T, where: StepLocation): z.infer<T>[] {
  if (rows.length === 0) throw new TableError(`${where}: the table has no rows under its header`);
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((issue) => {
      const column = String(issue.path[0] ?? '');
      const got = column in row ? ` (got "${row[column]}")` : '';
      return `${where}: table row ${index + 1}, column "${column}" ${issue.message}${got}`;
    });
    throw new TableError(problems.join('\n'));
  });
}

/** Cells are text: these read them as the values steps need. */
export const cell = {
  text: z.string({ error: 'is missing' }).trim().min(1, 'is empty'),
  wholeNumber: z.string({ error: 'is missing' }).trim().regex(/^\d+$/, 'must be a whole number').transform(Number),
  amount: z
    .string({ error: 'is missing' })
    .trim()
    .regex(/^\d{1,3}(,?\d{3})*(\.\d{1,2})?$/, 'must be an amount such as 1,250.00')
    .transform((value) => Number(value.replace(/,/g, ''))),
};
