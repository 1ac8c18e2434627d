/**
 * Claims on the page (issue 16): the claim marks and their card's hover,
 * loaded by the content script with import() once the background has found
 * a sentence that states a claim (lib/dom/claim-finder.ts), so that other
 * pages do not pay for it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerClaims } from '../lib/dom/claim-handle';
import { startClaimSession } from '../lib/dom/claim-session';

export default defineUnlistedScript({
  globalName: false,
  main() {
    registerClaims(globalThis, startClaimSession);
  },
});
