-- The read-only role of dpi-batch: may read the report views and the few non-personal columns the
-- queries of sql/reports/ and `dpi-batch status` / `report` need, and nothing else — no person id, name,
-- address, KRR answer, receipt JWT or payload, and no INSERT, UPDATE, DELETE or CREATE anywhere in dpi.
--
-- Idempotent: run it after `dpi-batch migrate` (and again after a later migration adds views):
--     psql "$DPI_DATABASE_URL" -v ON_ERROR_STOP=1 -f sql/roles/readonly.sql
--
-- dpi_readonly itself cannot log in (NOLOGIN). Give each person or tool a login role of its own that
-- inherits it, as a superuser or a role with CREATEROLE:
--     CREATE ROLE auditor LOGIN PASSWORD 'choose-one' IN ROLE dpi_readonly;
--     -- or, for an existing role:  GRANT dpi_readonly TO auditor;
-- and allow it in pg_hba.conf; then e.g.
--     DPI_DATABASE_URL=postgresql://auditor@db.example/post dpi-batch status
--     psql postgresql://auditor@db.example/post -f sql/reports/failures_by_reason.sql

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dpi_readonly') THEN
        CREATE ROLE dpi_readonly NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA dpi TO dpi_readonly;

-- The views of PRODUCT.md (they hold no person id).
GRANT SELECT ON dpi.delivery_report, dpi.job_summary TO dpi_readonly;

-- What sql/reports/ and `dpi-batch status` read beside the views: routing reasons, submission and
-- receipt times, and the receipt types (for latency), by letter.
GRANT SELECT (recipient_id, job_id, state, channel, route_reason, provider_orgno, submitted_at,
              last_receipt_type, last_receipt_at) ON dpi.delivery TO dpi_readonly;
GRANT SELECT (recipient_id, type, received_at) ON dpi.receipt TO dpi_readonly;
