-- Delivery rate per job and provider: for each mailbox provider (Digipost, e-Boks) and print provider,
-- by organisation number, how many letters went there and how many were confirmed delivered, are still
-- awaiting a receipt, or failed. A provider whose delivered share lags the others is worth a look.
-- Letters without a provider (unreachable before routing finished) are listed with provider_orgno NULL.
-- Reads dpi.delivery_report only. Run: psql "$DPI_DATABASE_URL" -f sql/reports/delivery_rate_per_provider.sql
SELECT job_id,
       channel,
       provider_orgno,
       count(*) AS letters,
       count(*) FILTER (WHERE state IN ('delivered', 'opened', 'posted', 'returned')) AS delivered,
       count(*) FILTER (WHERE state IN ('submitted', 'accepted_for_print')) AS awaiting_receipt,
       count(*) FILTER (WHERE state IN ('unreachable', 'rejected', 'failed', 'expired')) AS not_delivered,
       round(100.0 * count(*) FILTER (WHERE state IN ('delivered', 'opened', 'posted', 'returned'))
             / count(*), 1) AS delivered_pct
FROM dpi.delivery_report
GROUP BY job_id, channel, provider_orgno
ORDER BY job_id, channel NULLS LAST, letters DESC;
