// Playwright cannot download its own browser on this network, so the flows use
// Debian's Chromium. Install it when it is missing and we may (root); otherwise
// stop with one line that says what to do.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(executable)) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium not found at ${executable}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and try again.`,
    )
    process.exit(1)
  }
  console.log(`Chromium not found at ${executable}; installing Debian's chromium package…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  if (!existsSync(executable)) {
    console.error(
      `Installing chromium did not produce ${executable}; set CHROMIUM_PATH to a Chromium binary.`,
    )
    process.exit(1)
  }
}
