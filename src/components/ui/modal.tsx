import { Description, Dialog, DialogTitle } from '@headlessui/react'
import { useLayoutEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react'

interface ModalProps {
  open: boolean
  onClose: () => void
  title: string
  description?: ReactNode
  children: ReactNode
  size?: 'small' | 'medium'
}

/**
 * An accessible modal dialog (Headless UI): focus is trapped inside, Escape and a
 * click outside close it, and focus returns to the control that opened it.
 *
 * The element with role="dialog" is the visible panel itself, not a wrapper around
 * it: assistive technology that outlines the dialog, and test tools, see its box.
 * Without a DialogPanel, Headless UI counts clicks outside that element as outside
 * the dialog; the dimmed page around it is the panel's shadow (styles.css), and the
 * page under it is inert while the dialog is open.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  size = 'medium',
}: ModalProps) {
  useReturnFocusToOpener()
  const panelRef = useRef<HTMLDivElement>(null)
  // Focus starts on the first field (or, with none, the first button: Cancel in a
  // confirmation), so typing works at once. Looked up when Headless UI asks, since
  // the panel renders into a portal after this component.
  const initialFocus = useMemo<RefObject<HTMLElement | null>>(
    () => ({
      get current() {
        return (
          panelRef.current?.querySelector<HTMLElement>(
            'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)',
          ) ?? null
        )
      },
      set current(_element) {
        // Derived from the panel; nothing to store.
      },
    }),
    [],
  )
  return (
    <Dialog
      ref={panelRef}
      open={open}
      onClose={onClose}
      className={`modal-panel modal-${size}`}
      initialFocus={initialFocus}
    >
      <DialogTitle as="h2" className="modal-title">
        {title}
      </DialogTitle>
      {description && <Description className="modal-description">{description}</Description>}
      {children}
    </Dialog>
  )
}

/**
 * Headless UI learns the opener by watching focus and clicks, but the dialogs load
 * lazily: the click that opened the first one happened before its code ran. So we
 * note what had focus when the dialog mounts and give focus back when it goes,
 * if that control is still on the page and focus was not moved elsewhere.
 */
function useReturnFocusToOpener() {
  useLayoutEffect(() => {
    const opener = document.activeElement
    return () => {
      if (!(opener instanceof HTMLElement) || opener === document.body) return
      setTimeout(() => {
        const current = document.activeElement
        if (opener.isConnected && (current === null || current === document.body)) opener.focus()
      }, 0)
    }
  }, [])
}
