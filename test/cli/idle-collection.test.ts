import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { collectionDue, startIdleCollection } from '../../src/cli/idle-collection.ts';

const mb = 1024 * 1024;

describe('idle collection', () => {
  it('collects only when the loop was idle and the process grew enough since the last collection', () => {
    const growthBytes = 32 * mb;
    assert.equal(collectionDue({ utilization: 0.01, residentBytes: 140 * mb, baseline: 40 * mb, growthBytes }), true);
    assert.equal(collectionDue({ utilization: 0.3, residentBytes: 140 * mb, baseline: 40 * mb, growthBytes }), false, 'busy: not now');
    assert.equal(collectionDue({ utilization: 0.01, residentBytes: 60 * mb, baseline: 40 * mb, growthBytes }), false, 'not grown enough');
  });

  it('runs a collection in an idle spell after the process grew, then waits for it to grow again', async () => {
    let resident = 40 * mb;
    let collections = 0;
    const stop = startIdleCollection({
      intervalMs: 20,
      growthBytes: 32 * mb,
      residentBytes: () => resident,
      collect: () => {
        collections++;
        resident = 45 * mb;
      },
    });
    try {
      await sleep(120);
      assert.equal(collections, 0, 'the process has not grown');
      resident = 120 * mb;
      for (let waited = 0; collections === 0 && waited < 5_000; waited += 20) await sleep(20);
      assert.equal(collections, 1);
      await sleep(120);
      assert.equal(collections, 1, 'the process is back near its baseline');
    } finally {
      stop();
    }
  });

  it('does nothing where gc is not exposed: no timer, no reading of the process size', async () => {
    let reads = 0;
    const stop = startIdleCollection({ collect: undefined, intervalMs: 10, residentBytes: () => ++reads });
    await sleep(50);
    stop();
    assert.equal(reads, 0);
  });
});
