// Copying the current view's address. Every bit of view state lives in the URL hash, so the URL is the view.

/** The address to share: the page as it is now (origin, path and hash with all view parameters). */
export const currentLink = (): string => window.location.href;

/** Writes `text` to the clipboard; false when the browser refuses (no permission, insecure origin, old browser). */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The old way, from a selected text field: still works where the async clipboard is unavailable. */
export function copySelection(): boolean {
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
