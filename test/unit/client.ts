import {
  answer,
  createClient,
  MAX_MATCH_TEXT,
  type Client,
  type Handlers,
  type PageConfig,
  type Protocol,
} from '../../lib/messages';
import { matchThrough, type MatchText } from '../../lib/text/term-matches';

/**
 * A client connected straight to `handlers`, as the background's listener
 * connects a context's messages to them: `sender` is who asks (null for an
 * extension page, a tab for a content script).
 */
export function clientOf<Sender>(handlers: Handlers<Protocol, Sender>, sender: Sender): Client {
  return createClient((message) => answer(handlers, message, sender) ?? Promise.resolve(undefined));
}

/** How a page configured with `config` has its text matched: by the background, as the content script asks (matchTerms). */
export function pageMatch(ask: Client, config: PageConfig): MatchText {
  if (!config.active) throw new Error(`Lens is not active here (${config.reason})`);
  const { version, entities } = config.termIndex;
  return matchThrough(
    (text) => ask('matchTerms', { version, text }),
    entities.map((e) => e.id),
    MAX_MATCH_TEXT,
  );
}
