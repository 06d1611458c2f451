// Opening and leaving the deck. Full screen is asked for during the click or key press (browsers allow it only
// then); the deck itself is a fixed full-window layer, so it works the same where full screen is refused.
import { formatHash } from '../../app/route';

function deckHash(from: string): string {
  return formatHash(['present'], { from: from.startsWith('#/present') ? '#/' : from });
}

export function reportHash(from: string): string {
  return formatHash(['report'], { from: from.startsWith('#/report') || from.startsWith('#/present') ? '#/' : from });
}

export function requestFullscreen() {
  const el = document.documentElement;
  if (document.fullscreenElement || !el.requestFullscreen) return;
  el.requestFullscreen().catch(() => {
    /* refused (iframe, policy, no user gesture): the deck still fills the window */
  });
}

export function exitFullscreen() {
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
}

export function openDeck() {
  requestFullscreen();
  window.location.hash = deckHash(window.location.hash || '#/');
}

/** A hash to go back to, from the `from` parameter; only the app's own views, never an outside address. */
export function safeFrom(raw: string | undefined): string {
  return raw && raw.startsWith('#/') && !raw.startsWith('#/present') && !raw.startsWith('#/report') ? raw : '#/';
}
