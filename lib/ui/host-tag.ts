/** The one element Lens adds to a page, for its own UI (created when first needed). */
export const HOST_TAG = 'rdl-ui';
