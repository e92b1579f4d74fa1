// Stands in for the `use-sync-external-store/shim` package in the bundle (see
// vite.config.ts). wouter imports the shim to support React 17; React 19 has the hook
// built in, and the shim only hands over to it, so the bundle takes React's directly.
export { useSyncExternalStore } from 'react'
