/**
 * happy-dom has no `isTrusted` (every event reads undefined, as a page
 * script's would read false): a test marks the events that stand for the
 * reader's own input.
 */
export function asReader<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
