-- Delivery rate per job: of each job's letters, how many reached the recipient (a mailbox or the print
-- provider confirmed it), how many are still on their way, and how many failed for good.
-- delivered = delivered, opened (digital) or posted, returned (print: posted counts as delivered; returned
-- is posted and then sent back). Percentages of all letters of the job.
-- Reads dpi.job_summary only. Run: psql "$DPI_DATABASE_URL" -f sql/reports/delivery_rate_per_job.sql
SELECT job_id,
       name,
       job_state,
       total,
       delivered + opened + posted + returned AS delivered,
       pending + routed + submitting + submitted + accepted_for_print AS on_the_way,
       unreachable + rejected + failed + expired AS not_delivered,
       round(100.0 * (delivered + opened + posted + returned) / nullif(total, 0), 1) AS delivered_pct,
       round(100.0 * (unreachable + rejected + failed + expired) / nullif(total, 0), 1) AS not_delivered_pct,
       digital,
       print
FROM dpi.job_summary
ORDER BY job_id;
