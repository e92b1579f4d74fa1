import { Description, Dialog, DialogPanel, DialogTitle } from '@headlessui/react'
import type { ReactNode } from 'react'

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
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  size = 'medium',
}: ModalProps) {
  return (
    <Dialog open={open} onClose={onClose} className="modal-root">
      <div className="modal-backdrop" aria-hidden="true" />
      <div className="modal-frame">
        <DialogPanel className={`modal-panel modal-${size}`}>
          <DialogTitle as="h2" className="modal-title">
            {title}
          </DialogTitle>
          {description && <Description className="modal-description">{description}</Description>}
          {children}
        </DialogPanel>
      </div>
    </Dialog>
  )
}
