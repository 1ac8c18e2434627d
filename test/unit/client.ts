import { answer, createClient, type Client, type Handlers, type Protocol } from '../../lib/messages';

/**
 * A client connected straight to `handlers`, as the background's listener
 * connects a context's messages to them: `sender` is who asks (null for an
 * extension page, a tab for a content script).
 */
export function clientOf<Sender>(handlers: Handlers<Protocol, Sender>, sender: Sender): Client {
  return createClient((message) => answer(handlers, message, sender) ?? Promise.resolve(undefined));
}
