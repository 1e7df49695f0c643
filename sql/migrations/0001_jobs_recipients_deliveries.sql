-- dpi-batch schema, version 1: mailing jobs and recipients (input), per-letter delivery state and
-- receipts (output), and the two report views. See PRODUCT.md "Database" for the contract.
-- Applied by `dpi-batch migrate` inside one transaction; never edit once applied — add a new file.

-- Input ---------------------------------------------------------------------------------------

CREATE TABLE dpi.mailing_job (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    pipeline    jsonb       NOT NULL,
    state       text        NOT NULL DEFAULT 'ready'
                CHECK (state IN ('ready', 'running', 'paused', 'completed', 'cancelled', 'failed')),
    not_before  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    started_at  timestamptz,
    finished_at timestamptz
);
COMMENT ON TABLE dpi.mailing_job IS 'One row per mailing run; pipeline holds the pipeline definition (pipelines/*.json).';

-- Deliberately few constraints on recipient data: a bad row (invalid person id, incomplete
-- address) must still be stored so that the run can give it a final state and a clear error.
CREATE TABLE dpi.recipient (
    job_id        bigint NOT NULL REFERENCES dpi.mailing_job (id) ON DELETE CASCADE,
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_ref  text   NOT NULL,
    person_id     text,
    name          text,
    address_lines text[],
    postal_code   text,
    city          text,
    country_code  text,
    document_path text,
    merge         jsonb  NOT NULL DEFAULT '{}',
    UNIQUE (job_id, external_ref)
);
COMMENT ON TABLE dpi.recipient IS 'One row per letter; person_id null means a print-only letter.';
COMMENT ON COLUMN dpi.recipient.country_code IS 'ISO 3166 alpha-2; null means Norway.';

-- Output --------------------------------------------------------------------------------------

-- Letter states of PRODUCT.md, in the order a letter moves through them.
CREATE TABLE dpi.delivery (
    recipient_id          bigint      PRIMARY KEY REFERENCES dpi.recipient (id) ON DELETE CASCADE,
    job_id                bigint      NOT NULL REFERENCES dpi.mailing_job (id) ON DELETE CASCADE,
    state                 text        NOT NULL DEFAULT 'pending'
                          CHECK (state IN ('pending', 'routed', 'submitting', 'submitted',
                                           'delivered', 'opened', 'accepted_for_print', 'posted', 'returned',
                                           'unreachable', 'rejected', 'failed', 'expired')),
    channel               text        CHECK (channel IN ('digital', 'print')),
    -- Routing: why this channel, from which KRR answer, to which provider and certificate.
    route_reason          text,
    krr_answer            jsonb,
    provider_orgno        text,
    postbox_address       text,
    recipient_cert_sha256 text,
    -- Submission: ids are written before the first attempt and reused by every retry.
    message_id            uuid        UNIQUE,
    conversation_id       uuid        UNIQUE,
    kanal                 text,
    fingerprint           text,
    expires_at            timestamptz,
    attempts              integer     NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz,
    submitted_at          timestamptz,
    last_status           text,
    -- Leases: a worker owns a row until lease_expires_at; a dead worker's rows are taken over.
    lease_owner           text,
    lease_expires_at      timestamptz,
    -- Outcome.
    last_receipt_type     text,
    last_receipt_at       timestamptz,
    notification_failed   boolean     NOT NULL DEFAULT false,
    needs_review          boolean     NOT NULL DEFAULT false,
    error                 text,
    problem               jsonb,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_job_state ON dpi.delivery (job_id, state);
COMMENT ON TABLE dpi.delivery IS 'Per-letter delivery state; one row per dpi.recipient row, created with it.';

-- Every recipient has its delivery row from the moment it is inserted, however it was inserted
-- (dpi-batch import, COPY, or an upstream system's INSERT). Statement-level, so bulk loads pay once.
CREATE FUNCTION dpi.create_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dpi.delivery (recipient_id, job_id) SELECT id, job_id FROM new_recipients;
    RETURN NULL;
END
$$;
CREATE TRIGGER recipient_creates_delivery AFTER INSERT ON dpi.recipient
    REFERENCING NEW TABLE AS new_recipients
    FOR EACH STATEMENT EXECUTE FUNCTION dpi.create_deliveries();

-- Every receipt as received, the signed JWT kept whole for archiving; stored once per receipt id.
CREATE TABLE dpi.receipt (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    receipt_message_id text        NOT NULL UNIQUE,
    conversation_id    uuid        NOT NULL,
    recipient_id       bigint      REFERENCES dpi.recipient (id) ON DELETE CASCADE,
    type               text        NOT NULL,
    occurred_at        timestamptz,
    received_at        timestamptz NOT NULL DEFAULT now(),
    signer_orgno       text,
    jwt                text        NOT NULL,
    payload            jsonb       NOT NULL
);
CREATE INDEX receipt_conversation ON dpi.receipt (conversation_id);
CREATE INDEX receipt_recipient ON dpi.receipt (recipient_id);

-- Receipts that failed verification or match no letter: kept with the reason, shown in reports.
CREATE TABLE dpi.receipt_quarantine (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incoming_message_id text        NOT NULL UNIQUE,
    reason              text        NOT NULL,
    jwt                 text,
    received_at         timestamptz NOT NULL DEFAULT now()
);

-- Views ---------------------------------------------------------------------------------------

CREATE VIEW dpi.delivery_report AS
SELECT r.job_id,
       r.id AS recipient_id,
       r.external_ref,
       d.channel,
       d.provider_orgno,
       d.state,
       d.message_id,
       d.conversation_id,
       d.last_receipt_type,
       d.last_receipt_at,
       d.notification_failed,
       d.error
FROM dpi.recipient r
JOIN dpi.delivery d ON d.recipient_id = r.id;
COMMENT ON VIEW dpi.delivery_report IS 'One row per recipient: channel, provider, state, ids, last receipt, error.';

CREATE VIEW dpi.job_summary AS
SELECT j.id AS job_id,
       j.name,
       j.state AS job_state,
       count(d.recipient_id) AS total,
       count(*) FILTER (WHERE d.state = 'pending') AS pending,
       count(*) FILTER (WHERE d.state = 'routed') AS routed,
       count(*) FILTER (WHERE d.state = 'submitting') AS submitting,
       count(*) FILTER (WHERE d.state = 'submitted') AS submitted,
       count(*) FILTER (WHERE d.state = 'delivered') AS delivered,
       count(*) FILTER (WHERE d.state = 'opened') AS opened,
       count(*) FILTER (WHERE d.state = 'accepted_for_print') AS accepted_for_print,
       count(*) FILTER (WHERE d.state = 'posted') AS posted,
       count(*) FILTER (WHERE d.state = 'returned') AS returned,
       count(*) FILTER (WHERE d.state = 'unreachable') AS unreachable,
       count(*) FILTER (WHERE d.state = 'rejected') AS rejected,
       count(*) FILTER (WHERE d.state = 'failed') AS failed,
       count(*) FILTER (WHERE d.state = 'expired') AS expired,
       count(*) FILTER (WHERE d.channel = 'digital') AS digital,
       count(*) FILTER (WHERE d.channel = 'print') AS print,
       count(*) FILTER (WHERE d.notification_failed) AS notification_failed,
       j.not_before,
       j.created_at,
       j.started_at,
       j.finished_at
FROM dpi.mailing_job j
LEFT JOIN dpi.delivery d ON d.job_id = j.id
GROUP BY j.id;
COMMENT ON VIEW dpi.job_summary IS 'Per job: counts per letter state and per channel, with start and finish times.';
