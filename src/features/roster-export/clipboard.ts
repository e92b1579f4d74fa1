/** The browser would not let Roster write to the clipboard; `message` says so plainly. */
export class ClipboardRefusedError extends Error {
  override name = 'ClipboardRefusedError'
}

/** Writes text to the clipboard, or throws ClipboardRefusedError saying why it could not. */
export async function copyText(text: string): Promise<void> {
  // Not offered on a page served over plain http (other than localhost), nor in every browser.
  if (typeof navigator === 'undefined' || !('clipboard' in navigator)) {
    throw new ClipboardRefusedError(
      'This browser does not let Roster use the clipboard here. Select the text and copy it instead.',
    )
  }
  try {
    await navigator.clipboard.writeText(text)
  } catch (error) {
    throw new ClipboardRefusedError(
      'The browser refused to let Roster copy to the clipboard. Allow clipboard access for this site, or select the text and copy it.',
      { cause: error },
    )
  }
}
