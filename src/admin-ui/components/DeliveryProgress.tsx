import type { DeliveryCounts } from '../newsletter-api';

/** How far a send has come: a bar and the counts in words, announced politely as they change. */
export function DeliveryProgress({ counts, live = false }: { counts: DeliveryCounts; live?: boolean }) {
  const done = counts.sent + counts.bounced + counts.failed;
  return (
    <div className="nl-progress" role={live ? 'status' : undefined}>
      <progress max={Math.max(1, counts.total)} value={done} aria-label="Delivery progress">
        {done} of {counts.total}
      </progress>
      <span>
        {counts.sent} sent · {counts.pending} pending · {counts.failed} failed · {counts.bounced} bounced
        {counts.total > 0 && ` (of ${counts.total})`}
      </span>
    </div>
  );
}
