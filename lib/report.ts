/** Says in the console, under Lens's name, what could not be done; the page goes on. */
export function report(what: string, error: unknown): void {
  console.error(`[RU–DPRK Lens] ${what}:`, error);
}
