import type { DemoFake } from '../sync/fake/demo.ts';
import type { FakeProvider } from '../sync/fake/server.ts';

export interface RunningFake {
  demo: DemoFake;
  fake: FakeProvider;
}

/** Each demo connector's fake, listening on 127.0.0.1 with its sample data. */
export async function startFakes(demos: readonly DemoFake[]): Promise<RunningFake[]> {
  const running = demos.map((demo) => ({ demo, fake: demo.fake() }));
  try {
    await Promise.all(running.map(({ fake }) => fake.listen()));
  } catch (error) {
    await stopFakes(running);
    throw error;
  }
  return running;
}

export async function stopFakes(running: readonly RunningFake[]): Promise<void> {
  await Promise.all(running.map(({ fake }) => fake.close()));
}
