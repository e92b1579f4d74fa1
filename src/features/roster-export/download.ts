/** Saves text as a file: a Blob, an object URL and a temporary `<a download>`. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.hidden = true
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // Some browsers read the URL after click() returns: revoke it a little later.
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 10_000)
}
