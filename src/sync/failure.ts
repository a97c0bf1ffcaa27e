import { AirstoreError, type ErrorCode } from '../errors.ts';
import type { ProviderFailure } from './connector.ts';

const codes: Record<ProviderFailure['kind'], ErrorCode> = {
  rate_limited: 'provider_rate_limited',
  unavailable: 'provider_unavailable',
  auth_failed: 'provider_auth_failed',
  fatal: 'provider_error',
};

/** A provider request that failed for good; its failure decides the connection's state. */
export class SyncFailure extends AirstoreError {
  readonly failure: ProviderFailure;
  /** When the provider said it will take requests again. */
  readonly retryAt: number | undefined;

  constructor(failure: ProviderFailure, retryAt?: number) {
    super(codes[failure.kind], failure.message);
    this.name = 'SyncFailure';
    this.failure = failure;
    this.retryAt = retryAt;
  }
}
