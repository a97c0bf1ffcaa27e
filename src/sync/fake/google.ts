import { type Fault, type FakeReply, type FakeRequest, type FakeRoute, FakeProvider } from './server.ts';

/** The OAuth client and grant the Google fakes' token endpoint accepts. */
export const fakeOAuth = {
  clientId: '1234567890-fake.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-fake-client-secret-0123456789',
  refreshToken: '1//0fake-refresh-token-abcdefghijklmnopqrstuvwxyz',
  accessToken: 'ya29.fake-access-token-initial-0123456789',
};

const googleStatus: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 502: 'UNAVAILABLE', 503: 'UNAVAILABLE',
};
const googleReason: Record<number, string> = {
  400: 'invalidArgument', 401: 'authError', 403: 'forbidden', 404: 'notFound', 429: 'rateLimitExceeded', 500: 'backendError', 502: 'backendError', 503: 'backendError',
};

/** Google's JSON error body. */
export function googleError(code: number, message: string, headers?: Record<string, string>): FakeReply {
  return { status: code, headers, json: { error: { code, message, errors: [{ message, domain: 'global', reason: googleReason[code] ?? 'failed' }], status: googleStatus[code] ?? 'UNKNOWN' } } };
}

/**
 * What every Google API fake shares: OAuth (Bearer access tokens, refreshed at
 * `POST /token` with the refresh-token grant, as Google's token endpoint
 * answers it), Google's error bodies for refused tokens and injected faults.
 */
export abstract class GoogleFake extends FakeProvider {
  readonly #accessTokens = new Set([fakeOAuth.accessToken]);
  #issued = 0;
  #revokedGrant = false;

  /** The API's routes; the token endpoint is added to them. */
  protected abstract apiRoutes(): readonly FakeRoute[];
  /** The scope granted tokens carry. */
  protected abstract readonly scope: string;

  /** Invalidates the access tokens handed out, as an hour passing does; the refresh token still works. */
  expireAccessTokens(): void {
    this.#accessTokens.clear();
  }

  /** Access tokens issued by the token endpoint. */
  get tokensIssued(): number {
    return this.#issued;
  }

  override revoke(): void {
    super.revoke();
    this.#revokedGrant = true;
  }

  override restore(): void {
    super.restore();
    this.#revokedGrant = false;
  }

  protected override routes(): readonly FakeRoute[] {
    return [{ method: 'POST', name: 'oauth.token', pattern: /^\/token$/, handle: (request) => this.#token(request) }, ...this.apiRoutes()];
  }

  protected override publicRoutes(): readonly string[] {
    return ['oauth.token'];
  }

  protected override authorized(request: FakeRequest): boolean {
    const bearer = request.headers.authorization;
    return Boolean(bearer?.startsWith('Bearer ') && this.#accessTokens.has(bearer.slice(7)));
  }

  protected override unauthorized(): FakeReply {
    return googleError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', {
      'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    });
  }

  protected override faultReply(fault: Fault): FakeReply {
    if (fault.status === 429) return googleError(429, 'Resource has been exhausted (e.g. check quota).', { 'retry-after': String(fault.retryAfter ?? 30) });
    return googleError(fault.status, fault.status === 500 ? 'Internal error encountered.' : 'The service is currently unavailable.');
  }

  /** Google's OAuth token endpoint, refresh-token grant only (a connector never sees an authorization code). */
  #token(request: FakeRequest): FakeReply {
    const form = new URLSearchParams(request.body);
    const basic = request.headers.authorization?.startsWith('Basic ') ? Buffer.from(request.headers.authorization.slice(6), 'base64').toString().split(':') : [];
    const clientId = form.get('client_id') ?? basic[0];
    const clientSecret = form.get('client_secret') ?? basic[1];
    if (clientId !== fakeOAuth.clientId || clientSecret !== fakeOAuth.clientSecret) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
    }
    if (form.get('grant_type') !== 'refresh_token') return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' } };
    if (form.get('refresh_token') !== fakeOAuth.refreshToken || this.#revokedGrant) {
      return { status: 400, json: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
    }
    const token = `ya29.fake-access-token-${++this.#issued}-${'x'.repeat(20)}`;
    this.#accessTokens.add(token);
    return { status: 200, json: { access_token: token, expires_in: 3599, scope: this.scope, token_type: 'Bearer' } };
  }
}
