"""The Evaluations window of a seminar (issue 17): questionnaire, typing paper answers, import, results."""
