-- Letters still awaiting a receipt, by age: per job, the letters submitted (or accepted for print) whose
-- final receipt has not come, bucketed by how long ago they were submitted. Letters waiting days are
-- heading for `expired`; a bucket that grows while receipts are being reconciled means receipts are lost.
-- Reads dpi.delivery's job_id, state and submitted_at only. Run: psql "$DPI_DATABASE_URL" -f sql/reports/awaiting_receipt_by_age.sql
SELECT job_id,
       CASE
           WHEN age < interval '1 hour' THEN '1: under 1 hour'
           WHEN age < interval '6 hours' THEN '2: 1-6 hours'
           WHEN age < interval '24 hours' THEN '3: 6-24 hours'
           WHEN age < interval '3 days' THEN '4: 1-3 days'
           ELSE '5: 3 days or more'
       END AS age_bucket,
       count(*) AS letters,
       min(submitted_at) AS oldest_submitted_at
FROM (SELECT job_id, submitted_at, now() - submitted_at AS age
      FROM dpi.delivery
      WHERE state IN ('submitted', 'accepted_for_print') AND submitted_at IS NOT NULL) waiting
GROUP BY job_id, age_bucket
ORDER BY job_id, age_bucket;
