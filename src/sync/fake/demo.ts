import type { FakeProvider } from './server.ts';

/** What `POST /connections` takes besides the integration: made-up credentials the fake accepts, `extra.baseUrl` at it. */
export interface DemoConnection {
  accessToken?: string;
  refreshToken?: string;
  apiKey?: string;
  extra: Record<string, string>;
}

/**
 * A connector's fake as `airstore demo` runs it: a sample data set of modest
 * size, the connection that reads it, and smart folders worth opening. Each
 * connector with a fake exports one from `fake/demo.ts`; `src/demo/connectors.ts` lists them.
 */
export interface DemoFake<Fake extends FakeProvider = FakeProvider> {
  integration: string;
  /** The fake with its sample data, not yet listening. */
  fake(): Fake;
  /** For the fake once listening. Method syntax: a list of demos of different fakes type-checks. */
  connection(fake: Fake): DemoConnection;
  folders: readonly { name: string; guidance: string }[];
}

/** A local fake answers as fast as it can: no need to pace requests as with the real provider. */
export const unpaced = { requestsPerSecond: '0' };
