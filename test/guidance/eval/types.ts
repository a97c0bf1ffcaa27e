import type { IntegrationType } from '../../../connectors/index.ts';

/** The moment every case is evaluated at: Wednesday 25 November 2026, noon, local time. */
export const evalNow = new Date(2026, 10, 25, 12).getTime();

const hour = 3_600_000;
const day = 24 * hour;

/** A time `days` (and `hours`) before the evaluation moment. */
export function ago(days: number, hours = 0): number {
  return evalNow - days * day - hours * hour;
}

/** One synthetic item, written through the store API as a sync would write it. */
export interface EvalItem {
  /** External id; expected sets name items by it. */
  id: string;
  kind: string;
  title: string;
  body?: string;
  /** Modification time (ms). */
  at: number;
  /** Creation time (ms); defaults to `at`. */
  created?: number;
  /** Keys are the fields the connector declares in connectors/<name>/index.ts. */
  meta: Record<string, unknown>;
}

/** A description a person would write, and exactly the items they mean. */
export interface EvalCase {
  guidance: string;
  expected: readonly string[];
}

export interface EvalSuite {
  integration: IntegrationType;
  account: { id: string; name?: string; email?: string };
  items: readonly EvalItem[];
  cases: readonly EvalCase[];
}
