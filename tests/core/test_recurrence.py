import datetime as dt

import pytest

from learninghub.core.errors import ValidationError
from learninghub.core.recurrence import repeat_rule
from learninghub.core.services import agenda, seminars


def test_rules_read_as_the_choices() -> None:
    assert repeat_rule(1, "weeks", count=8) == "FREQ=WEEKLY;COUNT=8"
    assert repeat_rule(2, "weeks", count=8) == "FREQ=WEEKLY;INTERVAL=2;COUNT=8"
    assert repeat_rule(3, "days", until=dt.date(2021, 6, 29)) == "FREQ=DAILY;INTERVAL=3;UNTIL=20210629T235959"


@pytest.mark.parametrize(("kwargs", "where"), [
    ({"every": 0, "unit": "weeks", "count": 3}, "repeat every"),
    ({"every": 1, "unit": "weeks"}, "repeat end"),
    ({"every": 1, "unit": "weeks", "count": 3, "until": dt.date(2021, 1, 1)}, "repeat end"),
    ({"every": 1, "unit": "days", "count": 0}, "repeat count"),
])
def test_incomplete_choices_are_refused(kwargs, where) -> None:
    with pytest.raises(ValidationError) as info:
        repeat_rule(**kwargs)
    assert info.value.where == where


def test_until_includes_the_last_day_in_local_time(hub, db) -> None:
    with db.transaction() as s:
        seminars.edit_seminar(s, hub.seminar, end="2020-07-31")
        rows = agenda.add_session(s, seminar_id=hub.seminar, title="Daily stand-up", start="2020-07-20 18:00",
                                  end="2020-07-20 18:15", repeat=repeat_rule(1, "days", until=dt.date(2020, 7, 24)))
        assert [r.starts_at.astimezone(dt.timezone(dt.timedelta(hours=8))).day for r in rows] == [20, 21, 22, 23, 24]
