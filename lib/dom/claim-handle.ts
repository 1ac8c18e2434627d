/**
 * How the content script finds the claim code once its script has loaded
 * (entrypoints/lens-claims.ts), as for the card UI (../ui/ui-handle.ts).
 * Kept apart from ./claim-session.ts so that the content script can name it
 * without bundling it.
 */
import type { ClaimSessionFactory } from './claim-session';

export const CLAIMS_KEY = Symbol.for('rdl-lens.claims');
export const CLAIMS_SCRIPT = '/lens-claims.js';

export function registerClaims(global: object, factory: ClaimSessionFactory): void {
  (global as Record<symbol, ClaimSessionFactory>)[CLAIMS_KEY] = factory;
}

export function registeredClaims(global: object): ClaimSessionFactory | undefined {
  return (global as Record<symbol, ClaimSessionFactory | undefined>)[CLAIMS_KEY];
}
