import pg from 'pg';

/**
 * A statement prepared with SQL's PREPARE, once on each connection that runs it, and run
 * with EXECUTE inside a multi-statement query: one round trip with the statements around
 * it (a lock before it, a read after it), which the extended protocol's named statements
 * cannot share. Its values go in as literals (textLiteral, textArrayLiteral, wholeNumber).
 */
export function preparedStatement(name: string, parameterTypes: string[], text: string) {
  const preparedOn = new WeakSet<pg.ClientBase>();
  return {
    /** The EXECUTE to put in the query, after preparing the statement on `client` if it is new there. */
    async executeOn(client: pg.ClientBase, literals: string[]): Promise<string> {
      if (!preparedOn.has(client)) {
        await client.query(`PREPARE ${name}${parenthesized(parameterTypes)} AS ${text}`);
        preparedOn.add(client);
      }
      return `EXECUTE ${name}${parenthesized(literals)}`;
    },
  };
}

// A statement without parameters has no parentheses (PREPARE and EXECUTE refuse empty ones).
const parenthesized = (items: string[]) => (items.length > 0 ? `(${items.join(', ')})` : '');

export const textLiteral = (value: string | null | undefined): string => (value == null ? 'NULL' : pg.escapeLiteral(value));

export const textArrayLiteral = (values: readonly (string | null)[]): string => `ARRAY[${values.map(textLiteral).join(', ')}]::text[]`;

export function wholeNumber(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`not a whole number: ${value}`);
  return String(value);
}
