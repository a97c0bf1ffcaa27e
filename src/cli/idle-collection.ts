/**
 * Gives memory back once a long-lived process (`serve`, `mount`, `demo`) falls
 * idle after a busy spell. V8 sizes its old generation by how fast the process
 * allocates; when the work stops (a first sync, a `grep -r` over the mount),
 * nothing runs the full collection that would shrink it again. A mount read
 * hard held 290 MB, and one collection brought it to 155 (docs/BENCHMARKS.md).
 * So every `intervalMs`, if the event loop was almost idle meanwhile and the
 * process has grown by `growthBytes` since the last collection, one is run:
 * tens of milliseconds, at a moment nobody is waiting. Growth is read from the
 * resident size, not the heap: most of what a hard-read mount holds is freed
 * buffers and heap pages not yet given back, which only a collection returns.
 * It needs `gc`, which the CLI's `--expose-gc` flag provides; without it this
 * does nothing.
 */
export function startIdleCollection(options: Partial<IdleCollectionOptions> = {}): () => void {
  const { collect, intervalMs, growthBytes, residentBytes } = { ...defaults, ...options };
  if (!collect) return () => {};
  let baseline = residentBytes();
  let mark = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, mark);
    mark = now;
    if (!collectionDue({ utilization, residentBytes: residentBytes(), baseline, growthBytes })) return;
    collect();
    baseline = residentBytes();
    // The collection itself must not count as the next interval's work.
    mark = performance.eventLoopUtilization();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export interface IdleCollectionOptions {
  collect: (() => void) | undefined;
  intervalMs: number;
  growthBytes: number;
  residentBytes: () => number;
}

const defaults: IdleCollectionOptions = {
  // The last-resort flavour also hands what it frees back to the system: a plain full collection shrank a mount's
  // heap from 105 to 42 MB but left its resident size where it was (227 MB); this one took it to 155 MB.
  collect: typeof globalThis.gc === 'function' ? () => globalThis.gc!({ type: 'major', execution: 'sync', flavor: 'last-resort' }) : undefined,
  intervalMs: 10_000,
  growthBytes: 32 * 1024 * 1024,
  residentBytes: () => process.memoryUsage.rss(),
};

/** Busy less than this share of an interval: idle. */
const idleUtilization = 0.02;

/** Whether an interval ends with a collection: the loop was idle and the process grew enough since the last one. */
export function collectionDue(sample: { utilization: number; residentBytes: number; baseline: number; growthBytes: number }): boolean {
  return sample.utilization < idleUtilization && sample.residentBytes - sample.baseline >= sample.growthBytes;
}
