/**
 * How the suite launches Debian's Chromium (Playwright's own browsers are never downloaded here): headless, no
 * sandbox, no GPU, no background traffic. `uncappedFrames` also lifts the 60 Hz frame cap, so frames (and the
 * ResizeObserver notifications that come with them) follow each other as fast as the page changes: a test of
 * what happens when layout changes land in quick succession uses it to make that timing certain.
 */
import type { LaunchOptions } from "@playwright/test"

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync"
  ]
}

export const uncappedFrames: LaunchOptions = {
  ...chromiumLaunchOptions,
  args: [...(chromiumLaunchOptions.args ?? []), "--disable-frame-rate-limit", "--disable-gpu-vsync"]
}
