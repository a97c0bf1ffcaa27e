import type { ItemDraft, ItemKey } from '../../../src/sync/connector.ts';
import type { FakeProvider } from '../../../src/sync/fake/server.ts';

/** What a change on the fake should do to the store. */
export interface Changes {
  /** Items whose new version the next incremental sync must bring. */
  changed: number;
  /** An item deleted at the provider. */
  deleted: ItemKey;
}

/**
 * One connector, as the shared contract suite drives it: its fake, the
 * connection that points the SDK at it, the items the store should hold, and
 * what a sync may ask of the provider. Adding a connector to the suite is one
 * of these in `cases/` and a line in `cases/index.ts`.
 */
export interface ConnectorCase<Fake extends FakeProvider = FakeProvider> {
  integration: string;
  /** A fake serving the fixtures (`'fixtures'`) or a generated data set of about `size` items. */
  fake(size: number | 'fixtures'): Fake;
  /** The body of `POST /connections` for a fake listening at `url`. */
  connection(fake: Fake): Record<string, unknown>;
  /** The items the fake's data maps to now. */
  expected(fake: Fake): ItemDraft[];
  /** Edits, adds and deletes on the fake. */
  change(fake: Fake): Changes;
  /** Whether the incremental cursor sees deletions, or only a full listing (reconcile) does. */
  deletionsSeenBy: 'incremental' | 'reconcile';
  /** The requests of an incremental sync when nothing changed. */
  idleRequests(fake: Fake): number;
  /** The most requests an incremental sync may make after `change`. */
  changedRequests(fake: Fake, changes: Changes): number;
  /** Routes that fetch one item's details: a reconcile with nothing changed makes none. */
  detailRoutes: readonly string[];
  /** Whether a logged request is one page of the first sync's listing (the resume test counts them). */
  isListingRequest(request: { route: string; query: URLSearchParams }): boolean;
  /** Listing pages an uninterrupted first sync needs. */
  listingPages(fake: Fake): number;
  /** How late the fake answers in the resume test, so that a kill lands mid-sync (ms). */
  resumeSlowMs: number;
}
