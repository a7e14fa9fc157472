from learninghub.core.errors import RuleViolation
from learninghub.core.services import people


def test_duplicate_email_refused_case_insensitively(hub, refused):
    error = refused(
        lambda s: people.add_person(s, given_name="X", family_name="Y", email="LI.JIA@EXAMPLE.CN"),
        RuleViolation,
        "is already the address of person",
    )
    assert error.where == "email"
