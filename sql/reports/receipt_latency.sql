-- Receipt latency percentiles: per job and receipt type (mottakskvittering, leveringskvittering,
-- aapningskvittering, feil, ...), how long after the letter was submitted its receipt arrived
-- (dpi.receipt.received_at - dpi.delivery.submitted_at), as the median, 90th and 99th percentile and the
-- maximum, in seconds. Slow delivery receipts from one provider show here first.
-- Reads dpi.receipt (recipient_id, type, received_at) and dpi.delivery (recipient_id, job_id,
-- submitted_at) only. Run: psql "$DPI_DATABASE_URL" -f sql/reports/receipt_latency.sql
SELECT d.job_id,
       r.type AS receipt_type,
       count(*) AS receipts,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.received_at - d.submitted_at))::numeric, 1)
           AS p50_seconds,
       round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.received_at - d.submitted_at))::numeric, 1)
           AS p90_seconds,
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM r.received_at - d.submitted_at))::numeric, 1)
           AS p99_seconds,
       round(max(extract(epoch FROM r.received_at - d.submitted_at))::numeric, 1) AS max_seconds
FROM dpi.receipt r
JOIN dpi.delivery d ON d.recipient_id = r.recipient_id
WHERE d.submitted_at IS NOT NULL
GROUP BY d.job_id, r.type
ORDER BY d.job_id, r.type;
