"""Services: one module per job. Each function takes an open SQLAlchemy session
(one transaction, from ``Database.transaction()``) and enforces the domain rules;
screens and the CLI only call these."""
