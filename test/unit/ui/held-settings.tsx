/**
 * A background for the settings pages' tests (the options, the popup's
 * switches) whose answers to setSettings wait until the test lets them go,
 * as a busy background's do.
 */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import type { Client } from '../../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';

export interface HeldSettings {
  ask: Client;
  /** what the store holds now */
  stored(): Settings;
  /** the oldest setSettings waiting is answered (stored, or refused after `failNext`), and the page has done with it */
  answer(): Promise<void>;
  /** the next setSettings is refused */
  failNext(): void;
  /** renders `page` into `root`, and waits until it has read the settings */
  render(page: VNode, root: HTMLElement): Promise<void>;
}

export function heldSettings(): HeldSettings {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const waiting: (() => void)[] = [];
  let fail = false;
  const ask = ((type: string, payload: Partial<Settings>) => {
    if (type === 'getSettings') return Promise.resolve(stored);
    if (type === 'setSettings') {
      const fails = fail;
      fail = false;
      return new Promise<Settings>((resolve, reject) =>
        waiting.push(() => {
          if (fails) return reject(new Error('The disk is full'));
          stored = { ...stored, ...payload };
          resolve(stored);
        }),
      );
    }
    return Promise.reject(new Error(`not in this test: ${type}`));
  }) as unknown as Client;
  // (The fake's answers are settled promises: a task after they are asked for, the page has done with
  // them. The settings are asked for by an effect, which runs once the render's act is done.)
  const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve)));
  return {
    ask,
    stored: () => stored,
    answer: () => {
      waiting.shift()!();
      return settle();
    },
    failNext: () => void (fail = true),
    async render(page, root) {
      await act(() => {
        render(page, root);
      });
      await settle();
    },
  };
}
