-- Failures by reason: per job, the letters in a final failure state (unreachable, rejected, failed,
-- expired) grouped by their error text, most frequent first. The error says what to fix (an incomplete
-- address, a missing document, the access point's refusal with its rule) and never holds a person id.
-- Reads dpi.delivery_report only. Run: psql "$DPI_DATABASE_URL" -f sql/reports/failures_by_reason.sql
SELECT job_id,
       state,
       coalesce(error, '(no error recorded)') AS error,
       count(*) AS letters
FROM dpi.delivery_report
WHERE state IN ('unreachable', 'rejected', 'failed', 'expired')
GROUP BY job_id, state, error
ORDER BY job_id, letters DESC, state;
