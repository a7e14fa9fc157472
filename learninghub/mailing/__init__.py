"""The mail merge (issue 18): invitations, reminders and certificates by e-mail, never sent twice.

One module a job: ``placeholders`` (the fixed list and the safe filling), ``templates`` (the
built-in wording in English and Chinese), ``recipients`` (who gets it, who is left out and why),
``values`` (a recipient's placeholder values), ``zones`` (a city's time zone), ``attachments``
(certificate, badge, agenda, personal .ics), ``compose`` (the ``EmailMessage``), ``outbox``
(the tables and their states), ``plan`` (a batch checked whole, then queued), ``transports``
(SMTP, .eml drafts), ``secrets`` (the SMTP password: asked, or the system keyring) and
``sending`` (the paced loop that records before and after each hand-over).

No Qt here: the command line and the window call the same functions.
"""
