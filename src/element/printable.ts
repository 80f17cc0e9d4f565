// Text the widget prints (alerts, events, the console) that came from outside it: a dataset's
// fields, a server's status line, a URL. Printed so that it can be read, never obeyed.

/** Data-derived text for a message: control and bidi characters shown as \u escapes, never obeyed. */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what it escapes
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A byte count as a person reads it: "64 bytes", "1.5 KB", "20 MB". */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * `text` with the credentials of every URL in it replaced by "***": "https://user:secret@host/x"
 * becomes "https://***@host/x". A stations-src may carry a password, and whatever the widget
 * prints (the alert, the error event, the console) is seen by people and scripts who must not
 * learn it. The browser's own messages may quote the URL too, so the whole text is searched.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:[/\\]{2})[^\s/\\?#]*@/gi, '$1***@');
}

/** Whether this page has an opaque origin ("null"): a sandboxed frame without allow-same-origin, a data: URL. */
export function isOpaqueOrigin(): boolean {
  const { origin } = globalThis as { origin?: string };
  return origin === 'null' || globalThis.location?.origin === 'null';
}
