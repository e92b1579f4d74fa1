/** Placeholder with the roster's shape, so the page does not jump when data arrives. */
export function RosterSkeleton() {
  return (
    <div className="roster-skeleton">
      <p role="status" className="visually-hidden">
        Loading contacts…
      </p>
      {[3, 2].map((rows, group) => (
        <div key={group} className="role-group" aria-hidden="true">
          <span className="skeleton skeleton-heading" />
          <ul className="entries">
            {Array.from({ length: rows }, (_, index) => (
              <li key={index} className="entry">
                <div className="entry-main">
                  <span className="skeleton skeleton-name" />
                  <span className="skeleton skeleton-line" />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  )
}
