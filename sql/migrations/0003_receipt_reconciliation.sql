-- dpi-batch schema, version 3: what receipt reconciliation (`dpi-batch receipts`, and the thread beside `run`)
-- needs beside versions 1 and 2: finding letters whose expected response time passed, and quarantined receipts
-- tied to the letter and type they claim, so reports can show them per job.
-- Applied by `dpi-batch migrate` inside one transaction; never edit once applied — add a new file.

-- Letters that still wait for a delivery receipt, by deadline: the expiry check reads the due ones.
CREATE INDEX delivery_awaiting_receipt ON dpi.delivery (expires_at)
    WHERE state IN ('submitted', 'accepted_for_print');

-- A quarantined receipt names what it claimed to be: its conversation, the letter with that conversation
-- (when one has it) and the receipt type, when they could be read.
ALTER TABLE dpi.receipt_quarantine
    ADD COLUMN conversation_id uuid,
    ADD COLUMN recipient_id    bigint REFERENCES dpi.recipient (id) ON DELETE CASCADE,
    ADD COLUMN type            text;
CREATE INDEX receipt_quarantine_recipient ON dpi.receipt_quarantine (recipient_id);
COMMENT ON TABLE dpi.receipt_quarantine IS
    'Receipts that failed verification or match no letter: the reason, the JWT as received, what it claimed.';
