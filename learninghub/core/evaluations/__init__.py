"""Evaluation questionnaires (issue 17), without Qt: templates, a seminar's form, responses, results.

One module a job: :mod:`.templates` (what a questionnaire asks, shipped and from files),
:mod:`.forms` (a seminar's questionnaire made from its agenda, responses stored),
:mod:`.answers` (a typed or imported answer checked against its question),
:mod:`.results` (counts, means, distributions and comments by SQL aggregates, one Query),
:mod:`.commands` (the changes the window makes, with their undo).
"""
