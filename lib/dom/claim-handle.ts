/**
 * How the content script finds the claim code once its script has loaded
 * (entrypoints/lens-claims.ts), as for the card UI (../ui/ui-handle.ts).
 * Kept apart from ./claim-session.ts so that the content script can name it
 * without bundling it.
 */
import { scriptHandle } from '../lazy-script';
import type { ClaimSessionFactory } from './claim-session';

export const {
  key: CLAIMS_KEY,
  script: CLAIMS_SCRIPT,
  register: registerClaims,
  registered: registeredClaims,
} = scriptHandle<ClaimSessionFactory, '/lens-claims.js'>('rdl-lens.claims', '/lens-claims.js');
