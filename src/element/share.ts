// "Copy message" / "Share": the meeting message through the platform's share sheet, else the
// clipboard, else shown to copy by hand. Code loaded after the first suggestion (later.ts); the
// message itself (shareText) stays with the element, whose method returns it at once.
import { html, nothing } from 'lit';
import type { Station, Suggestion } from '../core/types.js';
import { emit } from './events.js';
import { laterMessages } from '../i18n/en-later.js';
import type { Messages } from '../i18n/en.js';
import type { RenderContext } from './render/context.js';

/**
 * Shares `text` as the browser allows and fires safetrade-share on `host` with how. After the
 * clipboard, `done` is told what to announce ("Message copied", in `m`'s words), or the text to
 * show for copying by hand.
 */
export async function share(
  host: EventTarget,
  suggestion: Suggestion,
  text: string,
  nativeShare: boolean,
  m: Messages,
  done: (notice: string | null, manual: string | null) => void,
): Promise<void> {
  const nav = globalThis.navigator;
  if (nativeShare) {
    try {
      await nav.share({ text });
      emit(host, 'safetrade-share', { suggestion, text, method: 'share' });
      return;
    } catch (error) {
      if ((error as Error).name === 'AbortError') return; // the viewer closed the share sheet
    }
  }
  let manual: string | null = null;
  try {
    await nav.clipboard.writeText(text);
  } catch {
    // No clipboard (permissions, insecure context): the text to copy by hand.
    manual = text;
  }
  done(manual === null ? laterMessages(m).copied : null, manual);
  emit(host, 'safetrade-share', { suggestion, text, method: manual === null ? 'clipboard' : 'manual' });
}

/**
 * The meeting message to copy by hand, when the clipboard refused it for this station. Only ever
 * set by share() above, so it needs no code before this module's.
 */
export function renderManualShare(ctx: RenderContext, station: Station) {
  if (ctx.manualShare?.id !== station.id) return nothing;
  return html`<label class="manual">${laterMessages(ctx.messages).copyManually}<textarea readonly .value=${ctx.manualShare.text}></textarea></label>`;
}
