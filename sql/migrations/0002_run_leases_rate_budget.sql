-- dpi-batch schema, version 2: what the run needs beside version 1 — the forward-only order of letter
-- states, the index the claim query uses, and the rate budget that processes sharing a job draw from.
-- Applied by `dpi-batch migrate` inside one transaction; never edit once applied — add a new file.

-- States only move forward (PRODUCT.md): a write moves a letter only to a state of higher rank. Final
-- failures rank highest, so nothing moves a letter out of them; a late receipt is stored, not applied.
CREATE FUNCTION dpi.state_rank(state text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE state
        WHEN 'pending' THEN 0
        WHEN 'routed' THEN 1
        WHEN 'submitting' THEN 2
        WHEN 'submitted' THEN 3
        WHEN 'accepted_for_print' THEN 4
        WHEN 'delivered' THEN 5
        WHEN 'posted' THEN 5
        WHEN 'opened' THEN 6
        WHEN 'returned' THEN 6
        WHEN 'unreachable' THEN 10
        WHEN 'rejected' THEN 10
        WHEN 'failed' THEN 10
        WHEN 'expired' THEN 10
    END
$$;
COMMENT ON FUNCTION dpi.state_rank(text) IS 'Order of letter states; a state change must raise the rank.';

-- The letters a run still has to work on, for the claim query (FOR UPDATE SKIP LOCKED).
CREATE INDEX delivery_open_work ON dpi.delivery (job_id, recipient_id)
    WHERE state IN ('pending', 'routed', 'submitting');

-- A token bucket per job, shared by every process sending it: each takes tokens in small grants, so the
-- pipeline's messagesPerSecond holds for the job as a whole however many processes and hosts send it.
-- blocked_until is set from a 429's Retry-After so that every process pauses, not only the one refused.
CREATE TABLE dpi.rate_budget (
    job_id        bigint           PRIMARY KEY REFERENCES dpi.mailing_job (id) ON DELETE CASCADE,
    tokens        double precision NOT NULL,
    refilled_at   timestamptz      NOT NULL DEFAULT clock_timestamp(),
    blocked_until timestamptz,
    rejections    bigint           NOT NULL DEFAULT 0
);
COMMENT ON TABLE dpi.rate_budget IS 'Per job: the shared send budget (token bucket) and 429 pauses.';
