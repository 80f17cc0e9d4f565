/**
 * safetrade-meetup/react: `<SafeTradeMeetup>`, a typed React component for the element, made with
 * `@lit/react`. Properties pass straight through (`sellerLat={40.74}`, `stations={data}`), and each
 * event has a typed `on…` prop: `onSafetradeSelect={(e) => e.detail.suggestion}`.
 * Importing it defines <safetrade-meetup> (guarded), like the main entry.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { SafeTradeMeetupElement } from './element/element.js';
import { TAG } from './define.js';
import type { SafeTradeEventMap } from './element/events.js';

export const SafeTradeMeetup = createComponent({
  react: React,
  tagName: TAG,
  elementClass: SafeTradeMeetupElement,
  displayName: 'SafeTradeMeetup',
  events: {
    onSafetradeReady: 'safetrade-ready' as EventName<SafeTradeEventMap['safetrade-ready']>,
    onSafetradeSuggest: 'safetrade-suggest' as EventName<SafeTradeEventMap['safetrade-suggest']>,
    onSafetradeSelect: 'safetrade-select' as EventName<SafeTradeEventMap['safetrade-select']>,
    onSafetradeShare: 'safetrade-share' as EventName<SafeTradeEventMap['safetrade-share']>,
    onSafetradeReport: 'safetrade-report' as EventName<SafeTradeEventMap['safetrade-report']>,
    onSafetradeError: 'safetrade-error' as EventName<SafeTradeEventMap['safetrade-error']>,
  },
});

/** The props `<SafeTradeMeetup>` accepts. */
export type SafeTradeMeetupProps = React.ComponentProps<typeof SafeTradeMeetup>;
export { SafeTradeMeetupElement };
export type { SafeTradeEventMap };
