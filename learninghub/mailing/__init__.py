"""The mail merge (issue 18): invitations, reminders and certificates by e-mail, never sent twice.

A package of its own beside ``documents`` and ``exporting``, not in the core: it puts the
certificate, badge and agenda PDFs and the personal .ics into messages, drawn by those packages,
and arrows point down only (``mailing`` → ``documents``/``exporting`` → ``core``). The outbox
(its tables and the only moves a message's state may make) is data, so it lives in the core,
``core/outbox.py``, where erasing a person reaches it and backups carry it.

One module a job: ``placeholders`` (the fixed list and the safe filling), ``templates`` (the
built-in wording in English and Chinese), ``recipients`` (who gets it, who is left out and why),
``values`` (a recipient's placeholder values), ``zones`` (a city's time zone), ``attachments``
(certificate, badge, agenda, personal .ics), ``compose`` (the ``EmailMessage``), ``plan`` (a
batch checked whole, then queued), ``transports`` (SMTP, .eml drafts), ``passwords`` (the SMTP
password: asked, or the system keyring) and ``sending`` (the paced loop that records before and
after each hand-over).

No Qt here: the command line and the window call the same functions.
"""
