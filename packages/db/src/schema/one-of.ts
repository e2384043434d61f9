import { sql, type SQL } from "drizzle-orm";

/**
 * `('a', 'b', …)` for a check constraint that holds a text column to a list the domain
 * owns (entry states, roles), so the database refuses what the types already rule out.
 */
export function oneOf(values: readonly string[]): SQL {
  return sql.raw(`(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")})`);
}

/** `array['a', 'b']::text[]`, for a check that an array column holds only listed values (`<@`). */
export function arrayOf(values: readonly string[]): SQL {
  return sql.raw(`array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]::text[]`);
}
