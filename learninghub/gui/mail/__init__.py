"""The mail window: compose, preview for any recipient, send or write drafts, the outbox with resume (issue 18)."""
