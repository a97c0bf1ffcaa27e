/**
 * Maps with at most `limit` calls in flight, keeping the input order in the
 * result; for the per-item requests of a page (comments, PR details).
 */
export async function mapConcurrent<T, R>(inputs: readonly T[], limit: number, fn: (input: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      try {
        results[index] = await fn(inputs[index]!);
      } catch (error) {
        next = inputs.length; // the other workers stop taking work
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}
