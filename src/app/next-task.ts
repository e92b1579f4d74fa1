interface YieldingScheduler {
  yield: () => Promise<void>
}

/** Lets the browser run what waits (a tap, a frame) before going on. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
