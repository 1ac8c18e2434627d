/**
 * How the frames' script (entrypoints/lens-frames.content) finds
 * Lens's session once its script (entrypoints/lens-session) has loaded: the
 * script leaves its start under this key on the content script's global
 * object, as the card UI does (../ui/ui-handle.ts). Kept apart from the
 * session so that the frames' script can name it without bundling it:
 * the background injects that script into a frame, and the frame loads the
 * session only then (./frame-gate.ts).
 */
import { scriptHandle } from '../lazy-script';

export interface LensStart {
  /** the content script's life: when it aborts (the extension is updated or removed), everything stops */
  signal: AbortSignal;
  /** says what went wrong, under Lens's name; the page goes on */
  failed: (error: unknown) => void;
}

/** Starts Lens's session in this frame; settles once it has started (or found the page inactive). */
export type StartLens = (start: LensStart) => Promise<void>;

export const {
  key: SESSION_KEY,
  script: SESSION_SCRIPT,
  register: registerSession,
  registered: registeredSession,
} = scriptHandle<StartLens, '/lens-session.js'>('rdl-lens.session', '/lens-session.js');
