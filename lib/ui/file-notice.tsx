/**
 * Two pieces the options page and the popup's highlights tab both use around
 * a file import: the button-styled picker, and the message that follows it.
 */
import type { ComponentChildren } from 'preact';

export interface NoticeMessage {
  kind: 'ok' | 'error';
  text: string;
}

/** A label styled as a button over a hidden file input; the input is cleared after each pick, so the same file can be picked again. */
export function FilePicker(props: { label: string; accept: string; ariaLabel: string; onFile: (file: File) => void }) {
  return (
    <label class="tool">
      {props.label}
      <input
        type="file"
        accept={props.accept}
        class="sr-only"
        aria-label={props.ariaLabel}
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) props.onFile(file);
          input.value = '';
        }}
      />
    </label>
  );
}

/** What an action came to: an alert if it failed, else a status; `children` follow the text. */
export function Notice({ message, children }: { message: NoticeMessage; children?: ComponentChildren }) {
  return (
    <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error' : 'notice'}>
      {message.text}
      {children}
    </p>
  );
}
