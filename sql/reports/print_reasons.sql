-- Why citizens got paper: per job, the routing reason of every letter sent to print (route_reason, set by
-- the routing decision from the KRR answer): reserved (the citizen reserved against digital post),
-- print-only (no person id: a print-only row), no-mailbox, not-registered, inactive, deleted,
-- cannot-be-notified, unknown ... with the share of the job's print letters.
-- Reads dpi.delivery's job_id, channel and route_reason only (the read-only role may read those columns).
-- Run: psql "$DPI_DATABASE_URL" -f sql/reports/print_reasons.sql
SELECT job_id,
       coalesce(route_reason, 'unknown') AS route_reason,
       count(*) AS letters,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY job_id), 1) AS pct_of_print
FROM dpi.delivery
WHERE channel = 'print'
GROUP BY job_id, route_reason
ORDER BY job_id, letters DESC;
