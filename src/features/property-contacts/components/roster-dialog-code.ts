// The code of the roster's writes and of each of its dialogs, loaded ahead of the first
// use (on idle, or when a button that opens one is pointed at or focused) and rendered
// without suspending once loaded (src/lib/preloadable-lazy.ts). The forms' code
// (react-hook-form, the resolver, Headless UI) is none of the first load's.
import { preloadableLazy } from '../../../lib/preloadable-lazy'

export const writesCode = preloadableLazy(() =>
  import('./roster-writes').then((m) => m.RosterWrites),
)

export const dialogCode = {
  link: preloadableLazy(() => import('./link-contact-dialog').then((m) => m.LinkContactDialog)),
  edit: preloadableLazy(() => import('./edit-link-dialog').then((m) => m.EditLinkDialog)),
  unlink: preloadableLazy(() => import('./unlink-dialog').then((m) => m.UnlinkDialog)),
  contact: preloadableLazy(() =>
    import('../../contacts/components/edit-contact-dialog').then((m) => m.EditContactDialog),
  ),
} as const
