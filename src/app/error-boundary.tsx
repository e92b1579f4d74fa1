import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ErrorBoundaryState {
  error: Error | null
}

/** Last line of defence: a rendering bug shows a message, not a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null }

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Roster crashed while rendering', error, info.componentStack)
  }

  override render() {
    if (this.state.error) {
      return (
        <section role="alert" className="page">
          <h1>Something went wrong</h1>
          <p>
            Roster hit an unexpected problem showing this page. Your saved data is not affected.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.location.reload()
            }}
          >
            Reload the page
          </button>
        </section>
      )
    }
    return this.props.children
  }
}
