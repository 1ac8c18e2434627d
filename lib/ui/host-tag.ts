/** The one element Lens adds to a page (its home is the walkers' skip policy, which leaves its text out). */
export { HOST_TAG } from '../anchoring/skip-policy';
