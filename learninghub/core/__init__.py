"""The core: domain model, rules and storage. Never imports Qt."""
