import { Link } from 'wouter'
import { paths } from '../../config/paths'

interface NotFoundPageProps {
  title?: string
  message?: string
}

export function NotFoundPage({
  title = 'Page not found',
  message = 'There is nothing at this address.',
}: NotFoundPageProps) {
  return (
    <section className="page not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{title}</h1>
      <p>{message}</p>
      <p>
        <Link href={paths.properties.href()} className="button">
          Back to all properties
        </Link>
      </p>
    </section>
  )
}
