/**
 * zod, configured once for every module that validates: without `jitless`,
 * zod probes `new Function('')` to compile faster parsers, which an extension
 * page's content security policy (no eval) refuses, and the browser reports a
 * CSP violation on the page each time. Import `z` from here, not from 'zod'.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
